"""四(一)2(4) 做好心理健康常态化测评

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》
四、任务分工（一）2.学校 4）做好心理健康常态化测评：

“坚持预防为主、关口前移，定期开展学生心理健康测评。教育、卫健、科协等部门加强协作，依托心理咨询机构、精神
 卫生医疗机构，每学年面向区域内小学五六年级、初中、高中、中等职业学校、高校等学生至少开展一次心理健康测评，
 指导学校科学规范运用测评结果，建立“一生一策”心理健康档案。高校每年应在新生入校后适时开展心理健康测评，
 合理增加测评频次和范围，科学分析、合理应用测评结果，分类制定心理健康教育方案。建立健全测评数据安全保护机制，
 防止信息泄露。”

Spec: features/pingliang/四(一)2(4)_做好心理健康常态化测评.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import Institution, Screening, ScreeningKind, Stage
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import Period, PeriodKind
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
from ._shared import K12, SCHOOL_KINDS, UNIVERSITY, param

CLAUSE = "四(一)2(4)"
Q_YEARLY = ("每学年面向区域内小学五六年级、初中、高中、中等职业学校、高校等学生至少开展一次心理健康测评，"
            "指导学校科学规范运用测评结果，建立“一生一策”心理健康档案")
Q_FRESHMEN = "高校每年应在新生入校后适时开展心理健康测评"
Q_SECURITY = "建立健全测评数据安全保护机制，防止信息泄露"
Q_PLANS = "合理增加测评频次和范围，科学分析、合理应用测评结果，分类制定心理健康教育方案"

PER_YEAR = param("screening.per_school_year", "每学年心理健康测评次数（每个应测年级）", "次", 1, CLAUSE, Q_YEARLY)
FRESHMEN_PER_YEAR = param("screening.freshmen_per_year", "高校每年新生心理健康测评次数", "次", 1, CLAUSE, Q_FRESHMEN)

FIRST_PRIMARY_GRADE = 5  # 小学五六年级: grades 1–4 are never required
FRESHMAN_GRADE = 13  # the first university year (core: grades 13–16)


def required_grades(inst: Institution) -> list[int]:
    """The enrolled grades the yearly screening must reach: 小学五六年级, every secondary and vocational
    grade, every university year; never grades 1–4 nor kindergarten."""
    out = []
    for g in inst.enrollment:
        if g.students <= 0:
            continue
        if g.stage is Stage.PRIMARY and g.grade < FIRST_PRIMARY_GRADE:
            continue
        if g.stage in (Stage.PRESCHOOL, Stage.SPECIAL):
            continue
        out.append(g.grade)
    return sorted(set(out))


def _covers(s: Screening, grade: int) -> bool:
    # A 普查 record without grades is a census of the whole school; with grades, of those only.
    return not s.grades or grade in s.grades


def _censuses(inst: Institution, period: Period) -> list[Screening]:
    return [s for s in inst.screenings if s.kind is ScreeningKind.CENSUS and period.contains(s.date)]


def _yearly(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.enrollment:
        return MissingData(("enrollment",))
    grades = required_grades(inst)
    if not grades:
        return NotApplicable("只有小学一至四年级（或无应测年级），原文不要求测评")
    if not inst.screenings:
        return MissingData(("screenings",))
    year = ctx.period(PeriodKind.SCHOOL_YEAR)
    done = _censuses(inst, year)
    per_grade = ctx.param(PER_YEAR.id)
    missed = [g for g in grades if sum(1 for s in done if _covers(s, g)) < per_grade]
    return Measure(observed=len(grades) - len(missed), required=len(grades),
                   inputs={"学年": year.label, "应测年级": "、".join(map(str, grades)),
                           "未测年级": "、".join(map(str, missed)) or "无"})


YEARLY = Requirement(
    id=f"{CITY}.4-1-2-4.yearly-screening", city=CITY, clause=CLAUSE, quote=Q_YEARLY,
    title="每学年面向小学五六年级、初中、高中、中职、高校学生至少开展一次心理健康测评", topic="screening.census",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学（含中职）、高校", kinds=K12 | UNIVERSITY),
    modality=Modality.MANDATORY, modal_word="至少", measure=_yearly, observed_label="已测评的应测年级数", unit="个",
    gap_text="{gap}个应测年级本学年未开展心理健康测评", period=PeriodKind.SCHOOL_YEAR, parameters=(PER_YEAR.id,),
    reading="句子的主语是教育、卫健、科协等部门，测评对象是各校学生：按学校逐学年判定（学年9月1日至次年8月31日），"
            "每个应测年级（有在籍学生的小学五、六年级，初中、高中、中职各年级，高校各年级）本学年至少有一次心理健康普查；"
            "小学一至四年级、幼儿园从不要求，只有这些年级的学校不适用。未注明年级的普查记录视为全校普查。"
            "每个年级的次数门槛（至少1次）是参数 screening.per_school_year；结论比较的是达到门槛的年级数与应测年级数。",
)


def _freshmen(subject: Subject, ctx: Context) -> MeasureResult:
    inst = subject.institution
    if not inst.screenings:
        return MissingData(("screenings",))
    year = ctx.period(PeriodKind.SCHOOL_YEAR)
    n = sum(1 for s in _censuses(inst, year) if _covers(s, FRESHMAN_GRADE))
    return Measure(observed=n, required=ctx.param(FRESHMEN_PER_YEAR.id), inputs={"学年": year.label})


FRESHMEN = Requirement(
    id=f"{CITY}.4-1-2-4.university-freshmen-screening", city=CITY, clause=CLAUSE, quote=Q_FRESHMEN,
    title="高校每年在新生入校后开展心理健康测评", topic="screening.census",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="高校", kinds=UNIVERSITY),
    modality=Modality.MANDATORY, modal_word="应", measure=_freshmen, observed_label="本学年新生心理健康测评次数",
    unit="次", gap_text="本学年未对新生开展心理健康测评", period=PeriodKind.SCHOOL_YEAR,
    parameters=(FRESHMEN_PER_YEAR.id,),
    reading="“每年……新生入校后”读作每个学年（新生9月入校），该学年内有一次覆盖一年级（core 年级13）的普查。"
            "“适时”不定日期，故不设入校后多少天的期限。",
)
ARCHIVES = Requirement(
    id=f"{CITY}.4-1-2-4.one-student-one-plan-archives", city=CITY, clause=CLAUSE, quote=Q_YEARLY,
    title="建立“一生一策”心理健康档案", topic="archives.kept",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学（含中职）、高校", kinds=K12 | UNIVERSITY),
    modality=Modality.MANDATORY, modal_word="", measure=lambda s, c: reported_yes(s.institution.archives_kept,
                                                                                   "archives_kept"),
    observed_label="已建立心理健康档案（是=1）", unit="项", gap_text="未建立“一生一策”心理健康档案",
    reading="无情态词，但作为测评工作的具体任务陈述，读作学校的强制义务（档案建在学校）；以 archives_kept 报告，未报即缺数据。",
)
SECURITY = Requirement(
    id=f"{CITY}.4-1-2-4.data-security", city=CITY, clause=CLAUSE, quote=Q_SECURITY,
    title="建立健全测评数据安全保护机制，防止信息泄露", topic="attest.screening_data_security",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="开展测评的学校", kinds=SCHOOL_KINDS),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="无情态词的任务陈述，读作强制；测评数据存于学校，机制是否建立由人确认。",
)
UNI_PLANS = Requirement(
    id=f"{CITY}.4-1-2-4.university-classified-plans", city=CITY, clause=CLAUSE, quote=Q_PLANS,
    title="高校科学应用测评结果，分类制定心理健康教育方案", topic="attest.classified_plans",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="高校", kinds=UNIVERSITY),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION,
    reading="承接“高校每年应……”一句，同受“应”约束；“合理”“科学”无可计量标准，是否分类制定方案由人确认。",
)

PARAMETERS: list[Parameter] = [PER_YEAR, FRESHMEN_PER_YEAR]
REQUIREMENTS: list[Requirement] = [YEARLY, FRESHMEN, ARCHIVES, UNI_PLANS, SECURITY]
UNMODELLED: list[ClauseNote] = [
    ClauseNote(CLAUSE, "坚持预防为主、关口前移，定期开展学生心理健康测评；部门协作、依托心理咨询和精神卫生机构",
               "原则和部门协作，无可判定的产出；测评本身已按学年逐校判定"),
]
