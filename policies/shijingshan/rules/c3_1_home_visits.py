"""三(一) 建立家校常态化沟通机制

石景山区实施方案（征求意见稿）三、加强家校社协同，凝聚心理健康工作合力（一）建立家校常态化沟通机制（节选）：

“……积极创新日常沟通途径，通过家庭联系册、电话、微信、网络等途径，保持与所有学生家庭的常态化密切联系……认真
落实中小学家访制度，组织家访情况调查，领导干部带头开展家访，班主任每学年对每名学生至少开展1次家访。”

Spec: features/shijingshan/三(一)_建立家校常态化沟通机制.feature
"""

from __future__ import annotations

from collections import Counter

from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import codes, fmt_num
from mhpolicy.core.rules.requirement import (
    ClauseNote,
    Measure,
    MeasureResult,
    MissingData,
    Modality,
    NotApplicable,
    Requirement,
    SubjectKind,
)

from ..document import CITY
from ._shared import SCHOOLS, attest, param, school_year

# “班主任每学年对每名学生至少开展1次家访”
Q_VISITS = "班主任每学年对每名学生至少开展1次家访"
PER_STUDENT = param("family.home_visits_per_student_per_year", "每学年每名学生家访次数", "次", 1, "三(一)", Q_VISITS)


def _visits(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    records = inst.home_visits_by_class
    if not records:
        return MissingData(("home_visits_by_class",))
    year = school_year(ctx)
    rows = [r for r in records if r.school_year == year]
    if not rows:
        return MissingData((f"home_visits_by_class[{year}]",), f"未报送{year}学年各班家访情况")
    per_student = ctx.param(PER_STUDENT.id)
    if per_student > 1:  # the data counts students visited at least once, nothing finer
        return MissingData((f"home_visits_by_class[{year}].visits_per_student",),
                           f"数据只记录至少家访1次的学生数，不能判定每人{fmt_num(per_student)}次")
    students = sum(r.students for r in rows)
    if students == 0:
        return NotApplicable(f"{year}学年各班均无学生")
    by_grade: Counter[int] = Counter()
    for r in rows:
        by_grade[r.grade] += r.students - r.students_visited
    short_classes = [f"{r.class_id}（{r.students_visited}/{r.students}）" for r in rows if r.students_visited < r.students]
    return Measure(observed=sum(r.students_visited for r in rows), required=students,
                   inputs={"学年": year, "班级数": len(rows), "学生数": students,
                           "未家访学生（按年级）": codes([f"{g}年级{n}人" for g, n in sorted(by_grade.items()) if n]),
                           "未全部家访的班级": codes(short_classes)})


HOME_VISITS = Requirement(
    id=f"{CITY}.3-1.home-visit-every-student", city=CITY, clause="三(一)", quote=Q_VISITS,
    title="班主任每学年对每名学生至少家访1次", topic="family.home_visits",
    subject=SubjectKind.INSTITUTION, applies_to=SCHOOLS, modality=Modality.MANDATORY, modal_word="至少",
    measure=_visits, observed_label="本学年已家访学生数", unit="人", gap_text="{gap}名学生本学年未家访",
    period=PeriodKind.SCHOOL_YEAR, parameters=(PER_STUDENT.id,),
    reading=("按班计：每班已家访学生数须等于本班学生数（45人中家访44人即缺1人）；学校的差距为各班未家访学生之和，"
             "说明中按年级汇总并列出未全部家访的班级。数据为各班每学年报送一行（home_visits_by_class），"
             "与按学期、按家庭计的 home_visits（南昌）互不替代。"),
)

VISIT_SYSTEM = attest("三(一)", "home-visit-system", "认真落实中小学家访制度，组织家访情况调查，领导干部带头开展家访",
                      "落实家访制度，组织家访情况调查，领导干部带头家访")

PARAMETERS: list[Parameter] = [PER_STUDENT]
REQUIREMENTS: list[Requirement] = [HOME_VISITS, VISIT_SYSTEM]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("三(一)", "通过家访、家长会、线上沟通告知学生心理健康状况，与所有学生家庭保持常态化联系",
               "日常沟通无可统计的数据；家访本身已按班建模"),
]
