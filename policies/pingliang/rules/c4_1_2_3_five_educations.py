"""四(一)2(3) 五育并举促进心理健康

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》
四、任务分工（一）2.学校 3）五育并举促进心理健康（摘要；全文见 cleaned.txt）：

“坚持“以德育心”：将学生心理健康教育贯穿德育思政工作全过程，融入教育教学、管理服务和学生成长各环节……
 坚持“以体强心”：……开齐开足上好体育与健康课，着力保障学生每天校内、校外各1个小时体育活动时间……
 坚持“以美润心”……坚持“以劳健心”……”

Spec: features/pingliang/四(一)2(3)_五育并举促进心理健康.feature
"""

from __future__ import annotations

from collections.abc import Callable

from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind, semester_code
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
from ._shared import K12, SCHOOL_KINDS, param

CLAUSE = "四(一)2(3)"
Q_MORAL = "将学生心理健康教育贯穿德育思政工作全过程，融入教育教学、管理服务和学生成长各环节"
Q_PE = "着力保障学生每天校内、校外各1个小时体育活动时间"
Q_PE_COURSE = "开齐开足上好体育与健康课"
Q_ART = "广泛开展形式多样、内容丰富、积极向上的美育实践活动"
Q_LABOUR = "丰富、拓展劳动教育实施途径，让学生动手实践、出力流汗，养成劳动习惯"

PE_IN = param("curriculum.pe_minutes_in_school", "每天校内体育活动时间", "分钟", 60, CLAUSE, Q_PE)
PE_OUT = param("curriculum.pe_minutes_out_of_school", "每天校外体育活动时间", "分钟", 60, CLAUSE, Q_PE)


def _pe(field: str, param_id: str) -> Callable[[Subject, Context], MeasureResult]:
    def measure(subject: Subject, ctx: Context) -> MeasureResult:
        code = semester_code(ctx.period(PeriodKind.SEMESTER))
        row = next((a for a in subject.institution.after_school if a.semester == code), None)
        if row is None:
            return MissingData((f"after_school[{code}]",))
        value = getattr(row, field)
        if value is None:
            return MissingData((f"after_school[{code}].{field}",))
        return Measure(observed=value, required=ctx.param(param_id), inputs={"学期": code})
    return measure


_PE_READING = ("“着力保障”是尽力争取，与南昌同一措辞一样按倡导判定：未达只作提示、给出差距，永不判不符合；校外1小时"
               "更不在学校掌控之内。逐学期按学校报告的每天校内、校外体育活动分钟数判定（“1个小时”= 60分钟，含本数）；"
               "未报即缺数据。强制的“开齐开足上好体育与健康课”另作人工确认项。")
PE_IN_SCHOOL = Requirement(
    id=f"{CITY}.4-1-2-3.pe-in-school", city=CITY, clause=CLAUSE, quote=Q_PE,
    title="着力保障学生每天校内体育活动1小时（倡导）", topic="curriculum.physical_activity",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学（含中职）", kinds=K12),
    modality=Modality.ADVICE, modal_word="着力", measure=_pe("pe_minutes_in_school_per_day", PE_IN.id),
    observed_label="每天校内体育活动时间", unit="分钟", gap_text="每天校内体育活动差{gap}分钟",
    period=PeriodKind.SEMESTER, parameters=(PE_IN.id,), reading=_PE_READING,
)
PE_OUT_OF_SCHOOL = Requirement(
    id=f"{CITY}.4-1-2-3.pe-out-of-school", city=CITY, clause=CLAUSE, quote=Q_PE,
    title="着力保障学生每天校外体育活动1小时（倡导）", topic="curriculum.physical_activity",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学（含中职）", kinds=K12),
    modality=Modality.ADVICE, modal_word="着力", measure=_pe("pe_minutes_out_of_school_per_day", PE_OUT.id),
    observed_label="每天校外体育活动时间", unit="分钟", gap_text="每天校外体育活动差{gap}分钟",
    period=PeriodKind.SEMESTER, parameters=(PE_OUT.id,), reading=_PE_READING,
)


def _attest(name: str, quote: str, title: str, kinds: frozenset, text: str) -> Requirement:  # type: ignore[type-arg]
    return Requirement(
        id=f"{CITY}.4-1-2-3.{name}", city=CITY, clause=CLAUSE, quote=quote, title=title, topic=f"attest.{name}",
        subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text=text, kinds=kinds), modality=Modality.MANDATORY,
        modal_word="", kind=RequirementKind.ATTESTATION,
        reading="句首“坚持”领起的任务陈述，读作学校的强制义务；育人过程的质量无数据可计，由人确认。",
    )


MORAL = _attest("moral-education", Q_MORAL, "以德育心：心理健康教育融入教育教学、管理服务和学生成长各环节",
                SCHOOL_KINDS, "各学校")
PE_COURSE = _attest("pe-course", Q_PE_COURSE, "以体强心：开齐开足上好体育与健康课", K12, "中小学（含中职）")
ART = _attest("aesthetic-education", Q_ART, "以美润心：广泛开展美育实践活动", SCHOOL_KINDS, "各学校")
LABOUR = _attest("labour-education", Q_LABOUR, "以劳健心：拓展劳动教育途径，让学生养成劳动习惯", SCHOOL_KINDS,
                 "各学校")

PARAMETERS: list[Parameter] = [PE_IN, PE_OUT]
REQUIREMENTS: list[Requirement] = [MORAL, PE_COURSE, PE_IN_SCHOOL, PE_OUT_OF_SCHOOL, ART, LABOUR]
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "以智慧心：引导教师学习掌握心理学知识，在学科教学中维护学生心理健康",
               "对每位教师教学方式的导向，无可确认的产出或数量"),
    ClauseNote(CLAUSE, "定期举办市、县两级中（小）学生运动会、青少年锦标赛，开展校园足球、篮球联赛，做好体质监测",
               "主体是市、县教育和体育部门，“定期”未定频次；数据不含赛事和体质监测记录"),
    ClauseNote(CLAUSE, "熟练掌握1—2项运动技能",
               "抽取文本此处残缺（“熟练掌12项”），且是学生个人的技能，数据只有汇总，不建模"),
]
