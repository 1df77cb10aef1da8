"""五、1 加强师资队伍建设 —— 配齐配强心理教师

《福州市学校心理健康教育行动计划》五、主要任务 1.加强师资队伍建设：

“至2023年年底，在核定的教师编制总量内，高校按不低于1：4000的师生比配齐配强专职心理教师，
  每校至少配备2名；中小学按不低于1：1000的师生比配齐配强专职心理教师；学生数不足1000的
  中小学、幼儿园至少配备1名有资质的兼职心理教师。”

Spec: features/fuzhou/五、1_配齐配强心理教师.feature
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from mhpolicy.core.model.entities import InstitutionKind
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter, ParameterNotInForce
from mhpolicy.core.rules.queries import ceil_div, codes, no_staff, psych_teachers
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

from ..document import CITY, EFFECTIVE
from ._shared import GENERAL_K12_KINDS, UNIVERSITY, param

STAFFING_DUE = date(2023, 12, 31)  # “至2023年年底”
STAFFING_QUOTE = (
    "至2023年年底，在核定的教师编制总量内，高校按不低于1：4000的师生比配齐配强专职心理教师，每校至少配备2名；"
    "中小学按不低于1：1000的师生比配齐配强专职心理教师"
)

UNI_RATIO = param(
    "fuzhou.staffing.university_students_per_full_time", "高校专职心理教师师生比", "名学生/名专职心理教师", 4000,
    "五、1", "高校按不低于1：4000的师生比配齐配强专职心理教师",
)
UNI_MIN = param(
    "fuzhou.staffing.university_min_full_time", "高校专职心理教师最少人数", "名", 2, "五、1", "每校至少配备2名",
)
K12_RATIO = Parameter(
    id="fuzhou.staffing.k12_students_per_full_time",
    label="中小学专职心理教师师生比",
    unit="名学生/名专职心理教师",
    values={EFFECTIVE: 1000},
    clause="五、1",
    quote="中小学按不低于1：1000的师生比配齐配强专职心理教师",
)
SMALL_SCHOOL = param(
    "fuzhou.staffing.small_school_students", "“学生数不足”的界限", "名学生", 1000, "五、1",
    "学生数不足1000的中小学、幼儿园至少配备1名有资质的兼职心理教师",
)
SMALL_PART_TIME = param(
    "fuzhou.staffing.small_school_min_qualified", "小规模中小学、幼儿园有资质心理教师最少人数", "名", 1, "五、1",
    "学生数不足1000的中小学、幼儿园至少配备1名有资质的兼职心理教师",
)


def _small_limit(c: Context) -> float | None:
    """The 1000-student line, or None before it is in force (the measure then reports 参数尚未生效)."""
    try:
        return c.param(SMALL_SCHOOL.id)
    except ParameterNotInForce:
        return None


def _k12_large(s: Subject, c: Context) -> bool:
    students, limit = s.institution.students, _small_limit(c)
    return students is None or limit is None or students >= limit


def _small_or_kindergarten(s: Subject, c: Context) -> bool:
    inst, limit = s.institution, _small_limit(c)
    if inst.kind is InstitutionKind.KINDERGARTEN or limit is None:
        return True
    return inst.students is not None and inst.students < limit


def _full_time_ratio(param_id: str) -> Callable[[Subject, Context], MeasureResult]:
    def measure(subject: Subject, ctx: Context) -> MeasureResult:
        inst = subject.institution
        if inst.students is None:
            return MissingData(("enrollment",))
        if missing := no_staff(inst):
            return missing
        return Measure(
            observed=len(psych_teachers(inst.staff, full_time=True)),
            required=ceil_div(inst.students, ctx.param(param_id)),
            inputs={"学生数": inst.students},
        )

    return measure


def _uni_minimum(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if missing := no_staff(inst):
        return missing
    return Measure(observed=len(psych_teachers(inst.staff, full_time=True)), required=ctx.param(UNI_MIN.id))


def _qualified_any(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if missing := no_staff(inst):
        return missing
    teachers = psych_teachers(inst.staff)
    qualified = [t for t in teachers if t.qualified]
    return Measure(
        observed=len(qualified),
        required=ctx.param(SMALL_PART_TIME.id),
        inputs={"学生数": inst.students if inst.students is not None else "未报送", "心理教师数": len(teachers),
                "其中有资质": codes([t.id for t in qualified])},
    )


STAFFING_UNI_RATIO = Requirement(
    id="fuzhou.5-1.university-full-time-ratio",
    city=CITY,
    clause="五、1",
    quote=STAFFING_QUOTE,
    title="高校专职心理教师按1:4000配齐",
    topic="staffing.university_ratio",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="高校", kinds=UNIVERSITY),
    modality=Modality.MANDATORY,
    modal_word="不低于",
    measure=_full_time_ratio(UNI_RATIO.id),
    observed_label="专职心理教师人数",
    unit="名",
    gap_text="缺{gap}名专职心理教师",
    due=STAFFING_DUE,
    parameters=(UNI_RATIO.id,),
    reading="师生比向上取整：学生数÷4000有余数即多需1名（“不低于”）。",
)

STAFFING_UNI_MIN = Requirement(
    id="fuzhou.5-1.university-full-time-minimum",
    city=CITY,
    clause="五、1",
    quote=STAFFING_QUOTE,
    title="高校每校至少配备2名专职心理教师",
    topic="staffing.university_ratio",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="高校", kinds=UNIVERSITY),
    modality=Modality.MANDATORY,
    modal_word="至少",
    measure=_uni_minimum,
    observed_label="专职心理教师人数",
    unit="名",
    gap_text="缺{gap}名专职心理教师",
    due=STAFFING_DUE,
    parameters=(UNI_MIN.id,),
    reading="“每校至少配备2名”承接高校师生比一句，读作高校专职心理教师的下限，与1:4000同时适用。",
)

STAFFING_K12 = Requirement(
    id="fuzhou.5-1.k12-full-time-ratio",
    city=CITY,
    clause="五、1",
    quote=STAFFING_QUOTE,
    title="中小学专职心理教师按1:1000配齐",
    topic="staffing.psych_teacher_ratio",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="中小学（学生数≥1000，不含中职、技工学校）", kinds=GENERAL_K12_KINDS, where=_k12_large),
    modality=Modality.MANDATORY,
    modal_word="不低于",
    measure=_full_time_ratio(K12_RATIO.id),
    op=">=",
    observed_label="专职心理教师人数",
    unit="名",
    gap_text="缺{gap}名专职心理教师",
    due=STAFFING_DUE,
    parameters=(K12_RATIO.id, SMALL_SCHOOL.id),
    reading="本文件的“中小学”不含中职校与技工学校（文中中职另列，如“中职生、高中生”“中职校……在普通中小学建设标准的基础上”，"
            "技工学校全文未提）；1:1000只对学生数≥1000的中小学适用：不足1000名的中小学归入“至少配备1名有资质的兼职心理教师”一款；"
            "师生比向上取整。未报送学生数的中小学在此条记为缺数据。",
)

STAFFING_SMALL = Requirement(
    id="fuzhou.5-1.small-school-qualified-part-time",
    city=CITY,
    clause="五、1",
    quote="学生数不足1000的中小学、幼儿园至少配备1名有资质的兼职心理教师",
    title="不足1000人的中小学、幼儿园至少配备1名有资质的兼职心理教师",
    topic="staffing.small_school_part_time",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="学生数不足1000的中小学（不含中职、技工学校）、幼儿园",
                         kinds=GENERAL_K12_KINDS | {InstitutionKind.KINDERGARTEN},
                         where=_small_or_kindergarten),
    modality=Modality.MANDATORY,
    modal_word="至少",
    measure=_qualified_any,
    observed_label="有资质的心理教师人数",
    unit="名",
    gap_text="缺{gap}名有资质的兼职心理教师",
    due=STAFFING_DUE,
    parameters=(SMALL_PART_TIME.id, SMALL_SCHOOL.id),
    reading="有资质的专职心理教师举重以明轻地满足“至少配备1名有资质的兼职”；无资质的心理教师（专职或兼职）不计。"
            "幼儿园不论规模均适用。“中小学”不含中职校与技工学校（同 fuzhou.5-1.k12-full-time-ratio）。",
)

# “公办中小学、幼儿园专职心理教师享受班主任同等待遇，其它类别学校参考执行。”
EQUAL_TREATMENT = Requirement(
    id="fuzhou.5-1.equal-treatment",
    city=CITY,
    clause="五、1",
    quote="公办中小学、幼儿园专职心理教师享受班主任同等待遇",
    title="公办中小学、幼儿园专职心理教师享受班主任同等待遇",
    topic="attest.equal_treatment",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="公办中小学（不含中职、技工学校）、幼儿园",
                         kinds=GENERAL_K12_KINDS | {InstitutionKind.KINDERGARTEN},
                         where=lambda s, c: s.institution.public),
    modality=Modality.MANDATORY,
    modal_word="",
    kind=RequirementKind.ATTESTATION,
    reading="“享受”为陈述句，读作对公办中小学、幼儿园（及其主管部门）的强制性要求；数据模型无待遇数据，由人工按校确认。"
            "“其它类别学校参考执行”为参照，不判定（民办及其他类别学校不适用）；“中小学”不含中职校、技工学校（同上）。",
)

PARAMETERS: list[Parameter] = [UNI_RATIO, UNI_MIN, K12_RATIO, SMALL_SCHOOL, SMALL_PART_TIME]
REQUIREMENTS: list[Requirement] = [STAFFING_UNI_RATIO, STAFFING_UNI_MIN, STAFFING_K12, STAFFING_SMALL, EQUAL_TREATMENT]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("五、1", "特殊教育学校的心理教师配备", "五、1 配备标准只列高校、中小学、幼儿园，特殊教育学校不在其列"),
    ClauseNote("五、1", "中职校、技工学校的心理教师配备",
               "五、1 配备标准只列高校、中小学、幼儿园；本文件的“中小学”不含中职（文中另列“中职生”“中职校”），"
               "技工学校全文未提，故不套用中小学的1:1000与兼职教师标准"),
    ClauseNote("五、1", "其它类别学校参考执行专职心理教师待遇；兼职心理教师待遇（多劳多得、优绩优酬，绩效工资统筹）",
               "“参考执行”为参照；“兼职……可从……统筹”为授权性表述，数据模型不含薪酬数据。公办中小学、幼儿园专职教师同等待遇已作确认项"),
]
