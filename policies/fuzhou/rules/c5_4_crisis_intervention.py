"""五、4 健全危机干预体系

《福州市学校心理健康教育行动计划》五、主要任务 4.健全危机干预体系：

“建立学生每学年心理健康普查、每学期关注人群心理筛查、重要节点心理问题零报告等制度，
  加强早期预警工作，有效预防可能出现的心理危机事件。”

Spec: features/fuzhou/五、4_健全危机干预体系.feature
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from mhpolicy.core.model.entities import EventKind, ScreeningKind
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import not_reported
from mhpolicy.core.rules.requirement import (
    AppliesTo,
    ClauseNote,
    Measure,
    MeasureResult,
    MissingData,
    Modality,
    Requirement,
    RequirementKind,
    SubjectKind,
)

from ..document import CITY
from ._shared import SCHOOL_KINDS, event_count, param

# “2021年前”: read as before 1 January 2021, i.e. established on or before 31 December 2020.
REFERRAL_DUE = date(2020, 12, 31)
SCREEN_QUOTE = "建立学生每学年心理健康普查、每学期关注人群心理筛查、重要节点心理问题零报告等制度"
CENSUS_MIN = param(
    "fuzhou.screening.census_per_school_year", "每学年心理健康普查次数", "次", 1, "五、4", SCREEN_QUOTE,
    note="“每学年心理健康普查”：每学年至少1次。",
)
FOCUS_MIN = param(
    "fuzhou.screening.focus_group_per_semester", "每学期关注人群心理筛查次数", "次", 1, "五、4", SCREEN_QUOTE,
    note="“每学期关注人群心理筛查”：每学期至少1次。",
)


def _screenings(kind: ScreeningKind, period_kind: PeriodKind, param_id: str
                ) -> Callable[[Subject, Context], MeasureResult]:
    def measure(subject: Subject, ctx: Context) -> MeasureResult:
        screenings = subject.institution.screenings
        if not screenings:
            return MissingData(("screenings",), "未报送任何筛查记录")
        period = ctx.period(period_kind)
        done = [s for s in screenings if s.kind is kind and period.contains(s.date)]
        return Measure(observed=len(done), required=ctx.param(param_id),
                       inputs={"筛查学生数": sum(s.students_screened or 0 for s in done)})

    return measure


CENSUS = Requirement(
    id="fuzhou.5-4.census",
    city=CITY,
    clause="五、4",
    quote=SCREEN_QUOTE,
    title="每学年开展学生心理健康普查",
    topic="screening.census",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="中小学（含中职）、特殊教育学校、高校", kinds=SCHOOL_KINDS),
    modality=Modality.MANDATORY,
    modal_word="",
    measure=_screenings(ScreeningKind.CENSUS, PeriodKind.SCHOOL_YEAR, CENSUS_MIN.id),
    observed_label="本学年心理健康普查次数",
    unit="次",
    gap_text="本学年未开展心理健康普查",
    period=PeriodKind.SCHOOL_YEAR,
    parameters=(CENSUS_MIN.id,),
    reading="“建立……制度”读作按制度实际开展：每学年至少1次普查。对象为“学生”，幼儿园不适用。",
)

FOCUS_GROUP = Requirement(
    id="fuzhou.5-4.focus-group-screening",
    city=CITY,
    clause="五、4",
    quote=SCREEN_QUOTE,
    title="每学期开展关注人群心理筛查",
    topic="screening.focus_group",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="中小学（含中职）、特殊教育学校、高校", kinds=SCHOOL_KINDS),
    modality=Modality.MANDATORY,
    modal_word="",
    measure=_screenings(ScreeningKind.FOCUS_GROUP, PeriodKind.SEMESTER, FOCUS_MIN.id),
    observed_label="本学期关注人群心理筛查次数",
    unit="次",
    gap_text="本学期未开展关注人群心理筛查",
    period=PeriodKind.SEMESTER,
    parameters=(FOCUS_MIN.id,),
    reading="“建立……制度”读作按制度实际开展：每学期至少1次关注人群筛查。幼儿园不适用。",
)

ZERO_REPORT = Requirement(
    id="fuzhou.5-4.zero-report",
    city=CITY,
    clause="五、4",
    quote=SCREEN_QUOTE,
    title="建立重要节点心理问题零报告制度",
    topic="attest.zero_report",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="中小学（含中职）、特殊教育学校、高校", kinds=SCHOOL_KINDS),
    modality=Modality.MANDATORY,
    modal_word="",
    kind=RequirementKind.ATTESTATION,
    reading="“重要节点”未在文中界定，无法从零报告记录的日期判定是否覆盖，由人工确认制度建立并执行。",
)

# “2021年前，各地各校建立对有严重心理问题、心理障碍或心理危机学生转介的“绿色通道”。”
def _referral(subject: Subject, ctx: Context) -> MeasureResult:
    established = subject.institution.referral_channel_established
    if missing := not_reported(established, "referral_channel_established", "未报送转介“绿色通道”建立日期"):
        return missing
    if established > ctx.as_of:
        return Measure(observed=0, required=1, inputs={"建立日期": "未建立"},
                       note=f"报送的建立日期{established.isoformat()}晚于评估日期")
    note = ""
    if established > REFERRAL_DUE:
        note = f"已于{established.isoformat()}建立，晚于“2021年前”的期限"
    return Measure(
        observed=1,
        required=1,
        inputs={"建立日期": established.isoformat()},
        note=note,
    )


REFERRAL = Requirement(
    id="fuzhou.5-4.referral-channel",
    city=CITY,
    clause="五、4",
    quote="2021年前，各地各校建立对有严重心理问题、心理障碍或心理危机学生转介的“绿色通道”",
    title="2021年前建立心理危机学生转介“绿色通道”",
    topic="governance.referral_channel",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="",
    measure=_referral,
    observed_label="按期建立转介“绿色通道”",
    unit="项",
    gap_text="未于2021年前建立转介“绿色通道”",
    due=REFERRAL_DUE,
    reading="“2021年前”读作2021年1月1日之前，即不晚于2020-12-31建立（而非2021年底前）；"
            "此后才建立的，评估日已建立即为符合（义务已履行），说明中注明晚于期限及实际日期；报送的建立日期晚于评估日的为尚未建立（不符合），期限后逾期；"
            "未报送建立日期为缺数据，不当作未建立（缺数据不是零）。"
            "“各地”（县区）一半见 fuzhou.5-4.district-referral-channel。",
)

DISTRICT_REFERRAL = Requirement(
    id="fuzhou.5-4.district-referral-channel",
    city=CITY,
    clause="五、4",
    quote="2021年前，各地各校建立对有严重心理问题、心理障碍或心理危机学生转介的“绿色通道”",
    title="县（市）区2021年前建立心理危机学生转介“绿色通道”",
    topic="governance.referral_channel",
    subject=SubjectKind.DISTRICT,
    applies_to=AppliesTo(text="县（市）区"),
    modality=Modality.MANDATORY,
    modal_word="",
    kind=RequirementKind.ATTESTATION,
    due=REFERRAL_DUE,
    reading="“各地”读作各县（市）区（教育行政部门），与各校各自建立：县区的通道是与当地精神卫生医疗机构的转介安排，"
            "数据中县区无建立日期字段，由人工确认；期限同学校一半，“2021年前”即不晚于2020-12-31。",
)

CRISIS_TRAINING_QUOTE = "统一编写心理危机干预教材，每年分层分类组织开展心理危机预防和干预培训，提升各级干部、全体教师心理危机预防和干预意识"
CRISIS_TRAINING_MIN = param(
    "fuzhou.training.crisis_trainings_per_year", "每年心理危机预防和干预培训次数", "次", 1, "五、4",
    "每年分层分类组织开展心理危机预防和干预培训",
    note="“每年……组织开展”：每个自然年至少1次。",
)


CRISIS_TRAINING = Requirement(
    id="fuzhou.5-4.crisis-training",
    city=CITY,
    clause="五、4",
    quote=CRISIS_TRAINING_QUOTE,
    title="市级每年分层分类组织心理危机预防和干预培训",
    topic="training.crisis",
    subject=SubjectKind.CITY,
    applies_to=AppliesTo(text="市教育行政部门"),
    modality=Modality.MANDATORY,
    modal_word="",
    measure=event_count(EventKind.CRISIS_TRAINING, PeriodKind.CALENDAR_YEAR, CRISIS_TRAINING_MIN.id,
                        participants=True),
    observed_label="本年度市级组织的心理危机预防和干预培训次数",
    unit="次",
    gap_text="本年度未组织心理危机预防和干预培训",
    period=PeriodKind.CALENDAR_YEAR,
    parameters=(CRISIS_TRAINING_MIN.id,),
    reading="全句无主语；与“统一编写心理危机干预教材”同句，只有全市统一组织者能“统一编写”，故组织主体读作市教育行政部门，"
            "按市级活动记录中的危机预防和干预培训（crisis_training）计数，每个自然年至少1次；县区、学校自办的培训不计入市级。"
            "“分层分类”（按干部、教师层级与类别分设）无可计的标准，不由数据判定，计数的是组织开展的培训次数。",
)

PARAMETERS: list[Parameter] = [CENSUS_MIN, FOCUS_MIN, CRISIS_TRAINING_MIN]
REQUIREMENTS: list[Requirement] = [CENSUS, FOCUS_GROUP, ZERO_REPORT, REFERRAL, DISTRICT_REFERRAL, CRISIS_TRAINING]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("五、4", "会同卫健部门探索医教融合；改造升级24小时心理支持热线和网络辅导体系",
               "市级及部门间工作，“探索”为倡导性表述；热线无服务指标"),
    ClauseNote("五、4", "统一编写心理危机干预教材", "市级一次性任务，无期限与标准；同句的每年培训已由市级活动记录判定"),
]
