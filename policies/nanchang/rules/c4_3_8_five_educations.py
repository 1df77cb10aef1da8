"""四(三)8 五育并举促进心理健康

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》四、重点任务（三）8.五育并举促进心理健康：

“要以德育心，将心理健康教育贯穿思政工作全过程……要以体强心，开齐开足上好体育与健康课，发挥课后服务主渠道
 作用，着力保障学生每天校内、校外各1小时体育活动时间；要以美润心，开齐开足上好美术课；要以劳健心，开齐开足
 上好劳动教育课，不断拓展劳动教育实施途径。优化课后服务内容和方式，保证开展兴趣活动和社团活动
 时间不低于课后服务总时长的50%。”

Spec: features/nanchang/四(三)8_五育并举促进心理健康.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import K12_KINDS, Stage
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.requirement import (
    AppliesTo,
    ClauseNote,
    Measure,
    MeasureResult,
    MissingData,
    Modality,
    NotApplicable,
    Requirement,
    RequirementKind,
    SubjectKind,
)

from ..document import CITY
from ._shared import ORDINARY_KINDS, param, semester

Q_MORAL = "要以德育心，将心理健康教育贯穿思政工作全过程，融入教育教学、管理服务和学生成长各环节"
Q_PE = "着力保障学生每天校内、校外各1小时体育活动时间"
Q_CLUBS = "优化课后服务内容和方式，保证开展兴趣活动和社团活动时间不低于课后服务总时长的50%"
CLUB_SHARE = param("curriculum.after_school_club_percent", "兴趣活动和社团活动占课后服务总时长比例", "%", 50,
                   "四(三)8", Q_CLUBS)
PE_IN = param("curriculum.pe_minutes_in_school", "每天校内体育活动时间", "分钟", 60, "四(三)8", Q_PE,
              note="“1小时”折为60分钟。")
PE_OUT = param("curriculum.pe_minutes_out_of_school", "每天校外体育活动时间", "分钟", 60, "四(三)8", Q_PE,
               note="“1小时”折为60分钟。")

MORAL = Requirement(
    id=f"{CITY}.4-3-8.moral-and-mind", city=CITY, clause="四(三)8", quote=Q_MORAL,
    title="以德育心：心理健康教育贯穿思政工作全过程", topic="attest.moral_and_mind",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION,
)


Q_PE_COURSE = "要以体强心，开齐开足上好体育与健康课"
Q_ART_COURSE = "要以美润心，开齐开足上好美术课"
Q_LABOUR_COURSE = "要以劳健心，开齐开足上好劳动教育课，不断拓展劳动教育实施途径"
_COURSE_READING = ("“开齐开足上好”指按国家课程方案开设并足额安排课时、保证质量；本插件的数据不含各学科课时，"
                   "是否开齐开足由人确认（可对照国家课程方案的课时）。")
PE_COURSE = Requirement(
    id=f"{CITY}.4-3-8.pe-course", city=CITY, clause="四(三)8", quote=Q_PE_COURSE,
    title="开齐开足上好体育与健康课", topic="attest.pe_course",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION, reading=_COURSE_READING,
)
ART_COURSE = Requirement(
    id=f"{CITY}.4-3-8.art-course", city=CITY, clause="四(三)8", quote=Q_ART_COURSE,
    title="开齐开足上好美术课", topic="attest.art_course",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="普通中小学校", kinds=ORDINARY_KINDS),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION,
    reading=_COURSE_READING + "美术是普通中小学国家课程方案中的科目，中职、技工学校的课程方案不设美术课，故不适用。",
)
LABOUR_COURSE = Requirement(
    id=f"{CITY}.4-3-8.labour-course", city=CITY, clause="四(三)8", quote=Q_LABOUR_COURSE,
    title="开齐开足上好劳动教育课，拓展劳动教育实施途径", topic="attest.labour_course",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION, reading=_COURSE_READING,
)


def _after_school_row(subject: Subject, ctx: Context):  # type: ignore[no-untyped-def]
    inst = subject.institution
    code = semester(ctx)
    if not inst.after_school:
        return code, MissingData(("after_school",))
    row = next((a for a in inst.after_school if a.semester == code), None)
    if row is None:
        return code, MissingData((f"after_school[{code}]",))
    return code, row


def _clubs(subject: Subject, ctx: Context) -> MeasureResult:
    code, row = _after_school_row(subject, ctx)
    if isinstance(row, MissingData):
        return row
    if row.total_minutes == 0:
        return NotApplicable(f"{code}学期未提供课后服务")
    # Compared in exact minutes: a rounded percentage would let 49.998% pass as 50%.
    share = 100 * row.interest_club_minutes / row.total_minutes
    return Measure(observed=row.interest_club_minutes,
                   required=row.total_minutes * ctx.param(CLUB_SHARE.id) / 100,
                   inputs={"学期": code, "课后服务总时长(分钟)": row.total_minutes, "占比(%)": f"{share:.3f}"})


AFTER_SCHOOL_CLUBS = Requirement(
    id=f"{CITY}.4-3-8.after-school-clubs", city=CITY, clause="四(三)8", quote=Q_CLUBS,
    title="兴趣活动和社团活动时间不低于课后服务总时长的50%", topic="curriculum.after_school_clubs",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="义务教育阶段学校（小学、初中学段）", kinds=ORDINARY_KINDS,
                         stages=frozenset({Stage.PRIMARY, Stage.JUNIOR})),
    modality=Modality.MANDATORY, modal_word="不低于", measure=_clubs, observed_label="兴趣及社团活动时间", unit="分钟",
    gap_text="兴趣及社团活动时间差{gap}分钟", period=PeriodKind.SEMESTER, parameters=(CLUB_SHARE.id,),
    reading="课后服务是义务教育阶段的制度安排：本条适用于有小学或初中学段的普通学校；逐学期按分钟数计算占比。",
)


def _pe(field: str, param: str):  # type: ignore[no-untyped-def]
    def measure(subject: Subject, ctx: Context) -> MeasureResult:
        code, row = _after_school_row(subject, ctx)
        if isinstance(row, MissingData):
            return row
        value = getattr(row, field)
        if value is None:
            return MissingData((f"after_school[{code}].{field}",))
        return Measure(observed=value, required=ctx.param(param), inputs={"学期": code})
    return measure


_PE_READING = ("“着力保障学生每天校内、校外各1小时体育活动时间”：“着力”是尽力争取（同“力争”），不是逐校必达的硬性义务；"
               "校外1小时更不在学校掌控之内。本插件按倡导判定：未达只作提示并给出差距，永不判不符合。"
               "句首“要以体强心”的强制义务只落在“开齐开足上好体育与健康课”一句（另条人工确认）。"
               "数据未报每天体育活动分钟数即缺数据。")
PE_IN_SCHOOL = Requirement(
    id=f"{CITY}.4-3-8.pe-in-school", city=CITY, clause="四(三)8", quote=Q_PE,
    title="着力保障学生每天校内体育活动1小时（倡导）", topic="curriculum.physical_activity",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="普通中小学校", kinds=ORDINARY_KINDS),
    modality=Modality.ADVICE, modal_word="着力", measure=_pe("pe_minutes_in_school_per_day", PE_IN.id),
    observed_label="每天校内体育活动时间", unit="分钟", gap_text="每天校内体育活动差{gap}分钟",
    period=PeriodKind.SEMESTER, parameters=(PE_IN.id,), reading=_PE_READING,
)
PE_OUT_OF_SCHOOL = Requirement(
    id=f"{CITY}.4-3-8.pe-out-of-school", city=CITY, clause="四(三)8", quote=Q_PE,
    title="着力保障学生每天校外体育活动1小时（倡导）", topic="curriculum.physical_activity",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="普通中小学校", kinds=ORDINARY_KINDS),
    modality=Modality.ADVICE, modal_word="着力", measure=_pe("pe_minutes_out_of_school_per_day", PE_OUT.id),
    observed_label="每天校外体育活动时间", unit="分钟", gap_text="每天校外体育活动差{gap}分钟",
    period=PeriodKind.SEMESTER, parameters=(PE_OUT.id,), reading=_PE_READING,
)

PARAMETERS: list[Parameter] = [CLUB_SHARE, PE_IN, PE_OUT]
REQUIREMENTS: list[Requirement] = [MORAL, PE_COURSE, ART_COURSE, LABOUR_COURSE, AFTER_SCHOOL_CLUBS, PE_IN_SCHOOL,
                                  PE_OUT_OF_SCHOOL]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(三)8", "以智慧心（教师学习掌握心理学知识、在学科教学中维护学生心理健康）",
               "是对每位教师教学方式的导向，无可确认的产出或数量；教师的心理健康培训已由四(二)6逐人判定"),
    ClauseNote("四(三)8", "发挥课后服务主渠道作用", "只有方向，无标准；课后服务中兴趣和社团活动的占比已按50%判定"),
]
