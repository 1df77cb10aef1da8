"""四(一)3 建立定期心理健康普查和排查制度

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》四、重点任务（一）3.建立定期心理健康普查和排查制度：

“建设覆盖全市的学生心理健康管理系统，在每年春、秋季学期普遍开展学生心理普查，建立学生心理健康档案。
 对存在心理问题的学生实行红色、橙色、黄色三级预警管理，列入高关怀学生进行帮扶指导；鼓励在初中、普通高中
 每个班级设立心理委员（男、女委员各1名）……联动家庭对高关怀学生开展跟踪帮扶。”

Spec: features/nanchang/四(一)3_建立定期心理健康普查和排查制度.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import K12_KINDS, ScreeningKind, Stage
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import reported_yes
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
from ._shared import param

Q_CENSUS = "在每年春、秋季学期普遍开展学生心理普查，建立学生心理健康档案"
CENSUS_PER_SEMESTER = param("screening.census_per_semester", "每学期心理普查次数", "次", 1, "四(一)3", Q_CENSUS)
Q_WARNING = "对存在心理问题的学生实行红色、橙色、黄色三级预警管理，列入高关怀学生进行帮扶指导"


def _census(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.screenings:
        return MissingData(("screenings",))
    period = ctx.period(PeriodKind.SEMESTER)
    n = sum(1 for s in inst.screenings if s.kind is ScreeningKind.CENSUS and period.contains(s.date))
    return Measure(observed=n, required=ctx.param(CENSUS_PER_SEMESTER.id), inputs={"学期": period.label})


CENSUS = Requirement(
    id=f"{CITY}.4-1-3.census-each-semester", city=CITY, clause="四(一)3", quote=Q_CENSUS,
    title="春、秋季学期各开展一次学生心理普查", topic="screening.census",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="", measure=_census, observed_label="本学期心理普查次数", unit="次",
    gap_text="本学期未开展心理普查", period=PeriodKind.SEMESTER, parameters=(CENSUS_PER_SEMESTER.id,),
    reading="“在每年春、秋季学期普遍开展”读作每个学期（春、秋）各至少一次普查，逐学期判定（评估窗口内每个已结束的学期各一条结论）。",
)


ARCHIVES = Requirement(
    id=f"{CITY}.4-1-3.archives", city=CITY, clause="四(一)3", quote=Q_CENSUS,
    title="建立学生心理健康档案", topic="archives.kept",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="", measure=lambda s, c: reported_yes(s.institution.archives_kept, "archives_kept"), observed_label="已建立的学生心理健康档案（是=1）", unit="项",
    gap_text="未建立学生心理健康档案",
    reading="句中无情态词，但作为“建立定期心理健康普查和排查制度”的具体做法陈述，读作学校的强制义务；"
            "数据以 archives_kept 报告，未报即缺数据。",
)


def _has_open_cases(subject: Subject, ctx: Context) -> bool:
    """A school with a warning case still open on the evaluation date has 高关怀学生 to follow up."""
    return any(c.opened <= ctx.as_of and (c.closed is None or c.closed > ctx.as_of)
               for c in subject.institution.warning_cases)


FOLLOW_UP = Requirement(
    id=f"{CITY}.4-1-3.follow-up", city=CITY, clause="四(一)3", quote=Q_WARNING,
    title="高关怀学生（红橙黄预警个案）帮扶指导、跟踪帮扶", topic="warning.follow_up",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="有在管（未结案）预警个案的中小学校", kinds=K12_KINDS, where=_has_open_cases),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="原文只说“列入高关怀学生进行帮扶指导”“联动家庭对高关怀学生开展跟踪帮扶”，未定随访频次或间隔，"
            "本插件不另设天数（此前的“30天内随访”是原文没有的数字，已撤销）：帮扶是否到位由人确认，"
            "个案久未随访也不据此判不符合。评估日仍有在管（未结案）预警个案的学校才适用；已结案个案不计。",
)

Q_COMMITTEE = "鼓励在初中、普通高中每个班级设立心理委员（男、女委员各1名）"


def _committee(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.enrollment:
        return MissingData(("enrollment",))
    secondary = [g for g in inst.enrollment if g.stage in (Stage.JUNIOR, Stage.SENIOR) and g.students > 0]
    no_count = [g.grade for g in secondary if g.classes is None]
    if no_count:
        return MissingData(tuple(f"enrollment[grade={g}].classes" for g in no_count))
    grades = [g for g in secondary if g.classes]
    if not grades:
        return NotApplicable("无初中、普通高中班级")
    unknown = [g.grade for g in grades if g.classes_with_psych_committee_pair is None]
    if unknown:
        return MissingData(tuple(f"enrollment[grade={g}].classes_with_psych_committee_pair" for g in unknown))
    return Measure(observed=sum(g.classes_with_psych_committee_pair or 0 for g in grades),
                   required=sum(g.classes or 0 for g in grades), inputs={"初高中班级数": sum(g.classes or 0 for g in grades)})


COMMITTEE = Requirement(
    id=f"{CITY}.4-1-3.psych-committee-pair", city=CITY, clause="四(一)3", quote=Q_COMMITTEE,
    title="鼓励初中、普通高中每班设男女心理委员各1名", topic="warning.committee_members",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="有初中、普通高中学段的学校", stages=frozenset({Stage.JUNIOR, Stage.SENIOR})),
    modality=Modality.ADVICE, modal_word="鼓励", measure=_committee, observed_label="设有男女心理委员各1名的班级数",
    unit="个", gap_text="{gap}个班未设男女心理委员",
)

Q_SUPPORT_TEAM = "建立由学校德育负责人和心理老师、班主任和科任老师、学生心理委员组成的三级心理帮扶队伍"
SUPPORT_TEAM = Requirement(
    id=f"{CITY}.4-1-3.three-level-team", city=CITY, clause="四(一)3", quote=Q_SUPPORT_TEAM,
    title="建立学校三级心理帮扶队伍", topic="attest.three_level_support_team",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学校（含中职、技工学校）", kinds=K12_KINDS),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="句中无情态词，作为本条制度的组成部分陈述，读作学校的强制义务；是否建成由人确认。",
)

PARAMETERS: list[Parameter] = [CENSUS_PER_SEMESTER]
REQUIREMENTS: list[Requirement] = [CENSUS, ARCHIVES, FOLLOW_UP, COMMITTEE, SUPPORT_TEAM]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(一)3", "建设覆盖全市的学生心理健康管理系统", "市级系统建设，见四(四)13，非学校义务"),
]
