"""五、3 提升场所建设水平

《福州市学校心理健康教育行动计划》五、主要任务 3.提升场所建设水平：

“各级各类学校应选择相对独立、安全、静谧、便于学生进出的场所建好心理辅导室（中心）”

Spec: features/fuzhou/五、3_提升场所建设水平.feature
"""

from __future__ import annotations

from collections.abc import Callable

from mhpolicy.core.model.entities import EventKind, InstitutionKind, RoomFunction
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import codes, not_reported
from mhpolicy.core.rules.requirement import (
    AppliesTo,
    ClauseNote,
    Measure,
    MeasureResult,
    Modality,
    Requirement,
    RequirementKind,
    SubjectKind,
)

from ..document import CITY
from ._shared import GENERAL_K12_KINDS, ZHONGZHI, event_count, param


def _room(subject: Subject, ctx: Context) -> MeasureResult:
    room = subject.institution.counseling_room
    if missing := not_reported(room, "counseling_room", "未报送心理辅导室情况"):
        return missing
    built = room.built is None or room.built <= ctx.as_of
    note = "" if built else f"报送的建成日期{room.built.isoformat()}晚于评估日期"
    return Measure(observed=int(built), required=1, inputs={"心理辅导室": "已建" if built else "未建"}, note=note)


COUNSELING_ROOM = Requirement(
    id="fuzhou.5-3.counseling-room",
    city=CITY,
    clause="五、3",
    quote="各级各类学校应选择相对独立、安全、静谧、便于学生进出的场所建好心理辅导室（中心）",
    title="建好心理辅导室（中心）",
    topic="facilities.counseling_room",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="应",
    measure=_room,
    observed_label="心理辅导室",
    unit="间",
    gap_text="未建心理辅导室（中心）",
    reading="未报送心理辅导室情况为缺数据，不当作未建（缺数据不是零，与其他城市同用 queries.not_reported）；"
            "报送的建成日期晚于评估日期的为未建（不符合）。选址条件（独立、安全、静谧）不由数据判定。",
)

ORDINARY_FUNCTIONS = (RoomFunction.OFFICE, RoomFunction.ARCHIVES, RoomFunction.INDIVIDUAL, RoomFunction.GROUP,
                      RoomFunction.ASSESSMENT, RoomFunction.RELAXATION)
SMALL_FUNCTIONS = (RoomFunction.OFFICE, RoomFunction.ARCHIVES, RoomFunction.ASSESSMENT, RoomFunction.INDIVIDUAL)


def _functions(wanted: tuple[RoomFunction, ...]) -> Callable[[Subject, Context], MeasureResult]:
    def measure(subject: Subject, ctx: Context) -> MeasureResult:
        room = subject.institution.counseling_room
        if missing := not_reported(room, "counseling_room", "未报送心理辅导室情况"):
            return missing
        have = set(room.functions)
        lacking = [f.label for f in wanted if f not in have]  # the label declared with the enum
        return Measure(
            observed=len(wanted) - len(lacking),
            required=len(wanted),
            inputs={"缺少功能": codes(lacking)},
        )

    return measure


ROOM_FUNCTIONS = Requirement(
    id="fuzhou.5-3.room-functions",
    city=CITY,
    clause="五、3",
    quote="普通中小学心理辅导室须具备教师办公、档案管理、个体咨询、团体辅导、心理测评、宣泄放松等功能",
    title="普通中小学心理辅导室具备六项功能",
    topic="facilities.room_functions",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="普通中小学及中职校（不含小规模学校、技工学校）", kinds=GENERAL_K12_KINDS | ZHONGZHI,
                         where=lambda s, c: not s.institution.small_scale),
    modality=Modality.MANDATORY,
    modal_word="须",
    measure=_functions(ORDINARY_FUNCTIONS),
    observed_label="具备的规定功能项数",
    unit="项",
    gap_text="心理辅导室缺{gap}项规定功能",
    reading="本文件的“中小学”不含中职校与技工学校；中职校在“普通中小学建设标准的基础上”提升，故至少须具备普通中小学的六项功能，"
            "技工学校全文未提，不适用；"
            "未报送心理辅导室情况为缺数据，不按缺全部功能计。",
)

ROOM_FUNCTIONS_SMALL = Requirement(
    id="fuzhou.5-3.room-functions-small",
    city=CITY,
    clause="五、3",
    quote="小规模中小学校、幼儿园应保证心理辅导室具备教师办公、档案管理、心理测评、个体咨询等功能",
    title="小规模中小学校、幼儿园心理辅导室具备四项功能",
    topic="facilities.room_functions",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="小规模中小学校（不含中职、技工学校）、幼儿园",
                         kinds=GENERAL_K12_KINDS | {InstitutionKind.KINDERGARTEN},
                         where=lambda s, c: s.institution.kind is InstitutionKind.KINDERGARTEN
                         or s.institution.small_scale),
    modality=Modality.MANDATORY,
    modal_word="应",
    measure=_functions(SMALL_FUNCTIONS),
    observed_label="具备的规定功能项数",
    unit="项",
    gap_text="心理辅导室缺{gap}项规定功能",
    reading="“小规模”以数据中主管部门的小规模学校标记（small_scale）为准，不以学生数推断；“中小学校”不含中职校与技工学校；"
            "未报送心理辅导室情况为缺数据。",
)

UPGRADED_STANDARD = Requirement(
    id="fuzhou.5-3.upgraded-standard",
    city=CITY,
    clause="五、3",
    quote="中职校、中学一类校、小学中心校在普通中小学建设标准的基础上，提升建设标准，拓展场所服务功能",
    title="中职校、中学一类校、小学中心校提升辅导室建设标准",
    topic="attest.upgraded_room_standard",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(
        text="中职校、中学一类校、小学中心校",
        where=lambda s, c: s.institution.kind in ZHONGZHI or s.institution.class1_middle
        or s.institution.central_primary,
    ),
    modality=Modality.MANDATORY,
    modal_word="",
    kind=RequirementKind.ATTESTATION,
    reading="“提升”“拓展”未给出具体标准，由人工确认；普通中小学六项功能另由 fuzhou.5-3.room-functions 判定。"
            "“中职校”指中等职业学校，技工学校全文未提，不适用。",
)

PROFESSIONAL_ETHICS = Requirement(
    id="fuzhou.5-3.professional-ethics",
    city=CITY,
    clause="五、3",
    quote="开展心理辅导应恪守职业伦理规范",
    title="开展心理辅导恪守职业伦理规范",
    topic="attest.professional_ethics",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="应",
    kind=RequirementKind.ATTESTATION,
)

# “实施特色培育工程。出台具有区域特色的心理健康教育考评体系。每年遴选一批心理健康教育达标校、特色校、示范校，
#   支持评选心理健康教育示范区和名师工作室。”
SELECTION_QUOTE = "每年遴选一批心理健康教育达标校、特色校、示范校"
SELECTION_MIN = param(
    "fuzhou.facilities.selection_rounds_per_year", "每年遴选达标校、特色校、示范校轮次", "次", 1, "五、3",
    SELECTION_QUOTE, note="“每年遴选一批”：每个自然年至少1轮。",
)


SELECTION = Requirement(
    id="fuzhou.5-3.yearly-selection",
    city=CITY,
    clause="五、3",
    quote=SELECTION_QUOTE,
    title="市级每年遴选一批心理健康教育达标校、特色校、示范校",
    topic="governance.assessment_round",
    subject=SubjectKind.CITY,
    applies_to=AppliesTo(text="市教育行政部门"),
    modality=Modality.MANDATORY,
    modal_word="",
    measure=event_count(EventKind.ASSESSMENT_ROUND, PeriodKind.CALENDAR_YEAR, SELECTION_MIN.id),
    observed_label="本年度遴选（评估）轮次",
    unit="次",
    gap_text="本年度未遴选达标校、特色校、示范校",
    period=PeriodKind.CALENDAR_YEAR,
    parameters=(SELECTION_MIN.id,),
    reading="“实施特色培育工程”是市级工程（同段“出台……考评体系”），主语读作市教育行政部门；“每年遴选”为陈述句，读作强制性要求，"
            "按市级活动记录中的示范校评估（assessment_round，一轮遴选记1次）计，每个自然年至少1轮，与南昌“每2年开展一轮示范校评估”同法计量。"
            "“一批”的校数未定，不判定；同句“支持评选示范区和名师工作室”为倡导，不建模。",
)

PARAMETERS: list[Parameter] = [SELECTION_MIN]
REQUIREMENTS: list[Requirement] = [COUNSELING_ROOM, ROOM_FUNCTIONS, ROOM_FUNCTIONS_SMALL, UPGRADED_STANDARD, PROFESSIONAL_ETHICS,
                                   SELECTION]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("五、3", "新（扩）建福州市未成年人心理健康辅导站", "市级一次性建设任务，无时限与标准数值"),
    ClauseNote("五、3", "出台具有区域特色的心理健康教育考评体系；支持评选心理健康教育示范区和名师工作室",
               "考评体系为市级一次性任务，无期限与标准；“支持评选”为倡导性表述。每年遴选达标校、特色校、示范校已由市级活动记录判定"),
]
