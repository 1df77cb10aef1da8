"""Requirements of 福州市学校心理健康教育行动计划, each under the clause it implements."""

from __future__ import annotations

from datetime import date

from mhpolicy.core.context import Context, Subject
from mhpolicy.core.model import K12_KINDS
from mhpolicy.core.parameters import Parameter
from mhpolicy.core.queries import ceil_div, psych_teachers
from mhpolicy.core.requirement import (
    AppliesTo, ClauseNote, Measure, MeasureResult, MissingData, Modality, Requirement, RequirementKind,
    SubjectKind,
)

from .document import CITY, EFFECTIVE

DOC = "福州市学校心理健康教育行动计划"

# ---------------------------------------------------------------------------------------
# 五、1 加强师资队伍建设 — 配齐配强心理教师
# “至2023年年底，在核定的教师编制总量内，……中小学按不低于1：1000的师生比配齐配强专职心理教师；”
# ---------------------------------------------------------------------------------------
K12_RATIO = Parameter(
    id="fuzhou.staffing.k12_students_per_full_time",
    label="中小学专职心理教师师生比",
    unit="名学生/名专职心理教师",
    values={EFFECTIVE: 1000},
    clause="五、1",
    quote="中小学按不低于1：1000的师生比配齐配强专职心理教师",
)


def _k12_ratio(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    students = inst.students
    if students is None:
        return MissingData(("enrollment",))
    ratio = ctx.param(K12_RATIO.id)
    return Measure(
        observed=len(psych_teachers(inst.staff, full_time=True)),
        required=ceil_div(students, ratio),
        inputs={"学生数": students},
    )


STAFFING_K12 = Requirement(
    id="fuzhou.5-1.k12-full-time-ratio",
    city=CITY,
    clause="五、1",
    quote="至2023年年底，在核定的教师编制总量内，高校按不低于1：4000的师生比配齐配强专职心理教师，每校至少配备2名；中小学按不低于1：1000的师生比配齐配强专职心理教师",
    title="中小学专职心理教师按1:1000配齐",
    topic="staffing.psych_teacher_ratio",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="中小学（学生数≥1000）", kinds=K12_KINDS,
                         where=lambda s, c: (s.institution.students or 0) >= 1000 or s.institution.students is None),
    modality=Modality.MANDATORY,
    modal_word="不低于",
    measure=_k12_ratio,
    op=">=",
    observed_label="专职心理教师人数",
    unit="名",
    gap_text="缺{gap}名专职心理教师",
    due=date(2023, 12, 31),
    parameters=(K12_RATIO.id,),
)

# 三、基本原则 — “把育德与育心统一起来”: qualitative, a person attests.
MORAL_AND_MIND = Requirement(
    id="fuzhou.3.moral-and-mind",
    city=CITY,
    clause="三",
    quote="把解决思想问题、实际问题与心理问题结合起来，把育德与育心统一起来",
    title="育德与育心统一",
    topic="attest.moral_and_mind",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各级各类学校"),
    modality=Modality.MANDATORY,
    modal_word="",
    kind=RequirementKind.ATTESTATION,
)

PARAMETERS = [K12_RATIO]
REQUIREMENTS = [STAFFING_K12, MORAL_AND_MIND]
UNMODELLED = [ClauseNote("一", "指导思想", "方向性表述，无可由数据判定的义务")]
