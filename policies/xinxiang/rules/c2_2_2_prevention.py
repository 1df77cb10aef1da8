"""二(二)2 建立日常预警防控

“各级站点要建立“心理危机干预”工作预案，及时发现问题。所有老师应关注学生心理状况，班主任定期家访，鼓励住宿制学校、
高中探索设置心理委员。……”

Spec: features/xinxiang/二(二)2_建立日常预警防控.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import Stage
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
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
from ._shared import param

Q_CRISIS_PLAN = "各级站点要建立“心理危机干预”工作预案"
Q_COMMITTEE = "鼓励住宿制学校、高中探索设置心理委员"

# “各级站点要建立“心理危机干预”工作预案”
CRISIS_PLAN = Requirement(
    id=f"{CITY}.2-2-2.crisis-plan", city=CITY, clause="二(二)2", quote=Q_CRISIS_PLAN,
    title="各级站点建立“心理危机干预”工作预案", topic="attest.crisis_plan",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="各级站点"),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION,
    reading="预案的内容原文未定，由站点人工确认已建立（一级、二级、三级站点均适用）。",
)

# “鼓励住宿制学校、高中探索设置心理委员”
COMMITTEE_MIN = param("committee_classes", "设有心理委员的班级数（倡导）", "个", 1, "二(二)2", Q_COMMITTEE,
                      note="“探索设置”读作至少有1个班设有心理委员；这是倡导，未设只作提示。")


def _boarding_or_senior(subject: Subject, ctx: Context) -> bool:
    inst = subject.institution
    return inst.boarding or Stage.SENIOR in inst.stages


def _committee(subject: Subject, ctx: Context) -> MeasureResult:
    grades = subject.institution.enrollment
    reported = [g.classes_with_psych_committee_pair for g in grades if g.classes_with_psych_committee_pair is not None]
    if not grades:
        return MissingData(("enrollment",))
    if not reported:
        return MissingData((f"enrollment[grade={grades[0].grade}].classes_with_psych_committee_pair",))
    return Measure(observed=sum(reported), required=ctx.param(COMMITTEE_MIN.id))


COMMITTEE = Requirement(
    id=f"{CITY}.2-2-2.psych-committee", city=CITY, clause="二(二)2", quote=Q_COMMITTEE,
    title="鼓励住宿制学校、高中探索设置心理委员", topic="warning.committee_members",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="住宿制学校、高中", where=_boarding_or_senior),
    modality=Modality.ADVICE, modal_word="鼓励", measure=_committee, observed_label="设有心理委员的班级数",
    unit="个", gap_text="尚未设置心理委员（倡导）", parameters=(COMMITTEE_MIN.id,),
    reading="倡导性条款：未设置只作提示，永不判不符合。班级心理委员按各年级“设有男女心理委员各一名的班级数”计。",
)

PARAMETERS: list[Parameter] = [COMMITTEE_MIN]
REQUIREMENTS: list[Requirement] = [CRISIS_PLAN, COMMITTEE]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("二(二)2", "所有老师应关注学生心理状况；重点关注学业压力、家庭变故、校园欺凌等风险因素的学生",
               "对个人的定性要求，无站点层面可计量的标准"),
    ClauseNote("二(二)2", "班主任定期家访", "“定期”未定频率，且家访是学校（班主任）的工作而非站点的义务；本计划的检查对象是站点"),
    ClauseNote("二(二)2", "宣传“新老师”心理热线和“心理援助热线”，结合三级体系数据指导构建预警机制",
               "宣传与机制建设的定性要求，无数量或期限"),
]
