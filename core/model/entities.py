"""The entity model every city plan speaks about, validated by pydantic.

One `Dataset` is the input of a check: a city with its districts, institutions and
stations, plus what happened in them (training, lessons, screenings, events). The model is
city-neutral and keeps what two or more plans share; a field only one plan needs is
declared by that plan's plugin (`extensions.py` builds subclasses of these models with
it), never added here. Student data is aggregate or
pseudonymous only (《个人信息保护法》 treats minors' data as sensitive): there is no field for
a student's name or ID number, unknown fields are rejected, and case ids that look like
identity-card numbers are refused.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .errors import DataCheck
from .vocabulary import LabelledEnum

Count = Annotated[int, Field(ge=0)]  # unbounded: for plugin fields; core fields use `bounded`
Hours = Annotated[float, Field(ge=0)]
Ident = Annotated[str, Field(min_length=1, max_length=64)]


def bounded(le: float, unit_zh: str, unit_en: str, what_zh: str, what_en: str, *, ge: float = 0,
            title: str | None = None) -> Any:
    """The documented range of a number, with its unit: pydantic enforces it, `mhpolicy schema`
    shows it (minimum, maximum, description and `unit`/`unit_en`), and an input error names it.

    Ranges are generous on purpose: they stop a typo with many zeros (an event of 10^18 hours,
    which the rule engine cannot even hold) without ever refusing a real school, and a bound
    that is a physical limit (minutes in a day, hours in a week) is used where one exists."""
    return Field(ge=ge, le=le, title=title,
                 description=f"{what_zh}，单位：{unit_zh}，范围 {_num(ge)}–{_num(le)} / "
                             f"{what_en}, in {unit_en}, range {_num(ge)}–{_num(le)}",
                 json_schema_extra={"unit": unit_zh, "unit_en": unit_en})


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


# The bounds, in one place. A whole institution (a university) stays well under a million students.
MAX_STUDENTS_PER_GRADE = 100_000
MAX_PEOPLE = 1_000_000  # students, boarders, families of one institution or campus
MAX_PARTICIPANTS = 10_000_000  # an event may be city-wide
MAX_CLASSES_PER_GRADE = 2_000
MAX_HOURS_PER_EVENT = 1_000  # one training or event, however long
MAX_COURSE_HOURS = 1_000
MAX_CREDITS = 60
MAX_LESSONS_PER_TWO_WEEKS = 100  # per class; ten school days of ten lessons
MAX_MINUTES_PER_SEMESTER = 100_000  # after-school minutes; a semester of 20 weeks × 5 days × 16 h = 96,000
MINUTES_PER_DAY = 1_440
HOURS_PER_WEEK = 168

Grade = Annotated[int, bounded(16, "年级", "grade", "年级：0 幼儿园，1–12 中小学，13–16 大学各年级",
                               "grade: 0 kindergarten, 1–12 school years, 13–16 university years")]


class Strict(BaseModel):
    """Base for input models: unknown fields are errors, so a misspelt column is caught."""

    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=True)

    def _exceeds(self, part: str, whole: str) -> DataCheck:
        """The `exceeds` error for two of this model's fields, labelled by their titles."""
        fields = type(self).model_fields
        return DataCheck("exceeds", on=part, part=part, part_label=fields[part].title, part_value=getattr(self, part),
                         whole=whole, whole_label=fields[whole].title, whole_value=getattr(self, whole))


# Enumerations carry their Chinese label (and the other words plans and specs use for the
# same thing) with each member: see core/model/vocabulary.py.


class Stage(LabelledEnum):
    PRESCHOOL = "preschool", "学前"
    PRIMARY = "primary", "小学"
    JUNIOR = "junior", "初中"
    SENIOR = "senior", "普通高中"
    VOCATIONAL = "vocational", "中职/技工"
    HIGHER = "higher", "高校"
    SPECIAL = "special", "特殊教育"


class InstitutionKind(LabelledEnum):
    KINDERGARTEN = "kindergarten", "幼儿园"
    PRIMARY = "primary", "小学"
    JUNIOR = "junior", "初级中学"
    SENIOR = "senior", "普通高中"
    NINE_YEAR = "nine_year", "九年一贯制学校"
    COMPLETE_SECONDARY = "complete_secondary", "完全中学"
    TWELVE_YEAR = "twelve_year", "十二年一贯制学校"
    SECONDARY_VOCATIONAL = "secondary_vocational", "中等职业学校"
    TECHNICAL = "technical", "技工学校"
    UNIVERSITY = "university", "高校"
    SPECIAL_EDUCATION = "special_education", "特殊教育学校"


KIND_STAGES: dict[InstitutionKind, frozenset[Stage]] = {
    InstitutionKind.KINDERGARTEN: frozenset({Stage.PRESCHOOL}),
    InstitutionKind.PRIMARY: frozenset({Stage.PRIMARY}),
    InstitutionKind.JUNIOR: frozenset({Stage.JUNIOR}),
    InstitutionKind.SENIOR: frozenset({Stage.SENIOR}),
    InstitutionKind.NINE_YEAR: frozenset({Stage.PRIMARY, Stage.JUNIOR}),
    InstitutionKind.COMPLETE_SECONDARY: frozenset({Stage.JUNIOR, Stage.SENIOR}),
    InstitutionKind.TWELVE_YEAR: frozenset({Stage.PRIMARY, Stage.JUNIOR, Stage.SENIOR}),
    InstitutionKind.SECONDARY_VOCATIONAL: frozenset({Stage.VOCATIONAL}),
    InstitutionKind.TECHNICAL: frozenset({Stage.VOCATIONAL}),
    InstitutionKind.UNIVERSITY: frozenset({Stage.HIGHER}),
    InstitutionKind.SPECIAL_EDUCATION: frozenset({Stage.SPECIAL}),
}

# Derived from the labels declared with InstitutionKind (kept for code that reads the dict).
KIND_LABELS: dict[InstitutionKind, str] = {k: k.label for k in InstitutionKind}

# Primary and secondary schools (中小学) in the plans' sense, vocational included.
K12_KINDS = frozenset(
    {
        InstitutionKind.PRIMARY,
        InstitutionKind.JUNIOR,
        InstitutionKind.SENIOR,
        InstitutionKind.NINE_YEAR,
        InstitutionKind.COMPLETE_SECONDARY,
        InstitutionKind.TWELVE_YEAR,
        InstitutionKind.SECONDARY_VOCATIONAL,
        InstitutionKind.TECHNICAL,
    }
)


class StaffRole(LabelledEnum):
    PSYCH_TEACHER = "psych_teacher", "心理健康教育教师", "心理教师"
    HEAD_TEACHER = "head_teacher", "班主任", "年段长"
    COUNSELOR = "counselor", "辅导员", "高校辅导员"
    CADRE = "cadre", "德育、团队、学工、安全等干部", "干部"
    RESEARCHER = "researcher", "心理教研员"  # at the teacher development centre
    OTHER_TEACHER = "other_teacher", "其他教师"


class TrainingLevel(LabelledEnum):
    SCHOOL = "school", "校级"
    COUNTY = "county", "县（区）级"
    MUNICIPAL = "municipal", "市级"
    PROVINCIAL = "provincial", "省级"
    NATIONAL = "national", "国家级"


class TrainingKind(LabelledEnum):
    GENERAL = "general", "专题/岗位培训", "专题培训", "岗位培训"
    CASE_PRACTICE = "case_practice", "接触病（案）例实操训练", "实操训练"
    SUPERVISION = "supervision", "专业督导"
    BACKBONE = "backbone", "骨干提高培训", "骨干培训"
    CRISIS = "crisis", "危机预防和干预培训", "危机干预培训"


class Training(Strict):
    date: date
    hours: Annotated[float, bounded(MAX_HOURS_PER_EVENT, "小时", "hours", "一次培训的学时", "hours of one training")]
    kind: TrainingKind = TrainingKind.GENERAL
    level: TrainingLevel = TrainingLevel.SCHOOL
    topic: str | None = None


class StaffMember(Strict):
    """A member of staff, by pseudonymous staff code; names are not needed and not kept."""

    id: Ident
    role: StaffRole
    full_time: bool = False  # 专职 (psychology teachers)
    qualified: bool = False  # 有资质 (certificate or psychology degree)
    backbone: bool = False  # 思政教育骨干 (Nanchang 6)
    campus: str | None = None
    trainings: list[Training] = Field(default_factory=list)


class GradeEnrollment(Strict):
    grade: Grade
    stage: Stage
    students: Annotated[int, bounded(MAX_STUDENTS_PER_GRADE, "人", "students", "本年级学生人数",
                                     "students in the grade")]
    # None: not reported (never read as zero classes)
    classes: Annotated[int | None, bounded(MAX_CLASSES_PER_GRADE, "个", "classes", "本年级班级数",
                                           "classes in the grade", title="班级数")] = None
    # Classes in this grade with two psychology committee members, one male one female.
    classes_with_psych_committee_pair: Annotated[int | None, bounded(
        MAX_CLASSES_PER_GRADE, "个", "classes", "设有男女心理委员各一名的班级数",
        "classes with a male and a female psychology committee member", title="设有男女心理委员的班级数")] = None

    @model_validator(mode="after")
    def _committee_within_classes(self) -> GradeEnrollment:
        pair = self.classes_with_psych_committee_pair
        if pair is not None and self.classes is not None and pair > self.classes:
            raise self._exceeds("classes_with_psych_committee_pair", "classes")
        return self


class LessonPlan(Strict):
    """Mental-health lessons a grade receives, per class per two weeks, for a school year."""

    school_year: Annotated[str, Field(pattern=r"^\d{4}-\d{4}$")]
    grade: Grade
    lessons_per_two_weeks: Annotated[float, bounded(MAX_LESSONS_PER_TWO_WEEKS, "节（每班每两周）",
                                                    "lessons per class per two weeks", "每班每两周的心理健康课节数",
                                                    "mental-health lessons per class per two weeks")]


class Course(Strict):
    """A named course, e.g. 心理健康与职业生涯 at a vocational school, or university credits."""

    name: str
    required: bool = False
    grade: Grade | None = None
    hours: Annotated[float, bounded(MAX_COURSE_HOURS, "课时", "class hours", "课程总课时", "class hours of the course")] = 0
    credits: Annotated[float, bounded(MAX_CREDITS, "学分", "credits", "课程学分", "credits of the course")] = 0
    school_year: Annotated[str, Field(pattern=r"^\d{4}-\d{4}$")] | None = None


class EventKind(LabelledEnum):
    THEMED_CLASS_MEETING = "themed_class_meeting", "主题心理班会", "班团队会"
    THEMED_ACTIVITY = "themed_activity", "心理教育活动", "专题活动"
    JOINT_MEETING = "joint_meeting", "心理工作联席会"
    ALL_STAFF_TRAINING = "all_staff_training", "教职工全员培训"
    CADRE_TRAINING = "cadre_training", "干部业务培训"
    # organised by the city, a district or a university for head teachers and counselors
    BACKBONE_TRAINING = "backbone_training", "班主任/辅导员骨干提高培训", "骨干提高培训"
    CRISIS_TRAINING = "crisis_training", "危机预防和干预培训", "危机干预培训"
    PARENT_COUNSELING = "parent_counseling", "家长心理健康教育专题辅导"
    PARENT_MEETING = "parent_meeting", "心理专题家长会"
    PARENT_LECTURE = "parent_lecture", "家庭教育讲座或活动", "家庭教育讲座"
    RESEARCH_ACTIVITY = "research_activity", "教研活动"
    ASSESSMENT_ROUND = "assessment_round", "示范校（站点）评估", "示范校评估"
    LEADERSHIP_MEETING = "leadership_meeting", "心理健康工作领导小组会议", "领导小组会议"
    EXAM_COUNSELING = "exam_counseling", "考前心理辅导/心理减压", "考前心理辅导"
    OTHER = "other", "其他"


class Event(Strict):
    date: date
    kind: EventKind
    hours: Annotated[float, bounded(MAX_HOURS_PER_EVENT, "小时", "hours", "一次活动的时长", "length of the event")] = 0
    grade: Grade | None = None
    held_by: str | None = None  # staff code of the head teacher / counselor who held it
    participants: Annotated[int | None, bounded(MAX_PARTICIPANTS, "人", "people", "参加人数",
                                                "people who took part")] = None
    title: str | None = None


class ScreeningKind(LabelledEnum):
    CENSUS = "census", "心理健康普查", "学生心理普查"  # all students
    FOCUS_GROUP = "focus_group", "关注人群心理筛查"
    ZERO_REPORT = "zero_report", "心理问题零报告"


class Screening(Strict):
    date: date
    kind: ScreeningKind
    grades: list[Grade] = Field(default_factory=list)
    students_screened: Annotated[int | None, bounded(MAX_PEOPLE, "人", "students", "参加筛查的学生人数",
                                                     "students screened")] = None
    consent_obtained: bool | None = None
    # 知情自愿: students who (or whose parents) declined the test but were still tested or counted
    # as screened. None: not reported.
    students_refused_counted: Annotated[int | None, bounded(
        MAX_PEOPLE, "人", "students", "拒绝测评但仍被测评或计入的学生人数",
        "students who declined but were still tested or counted", title="拒测仍计入人数")] = None


_ID_CARD = re.compile(r"^\d{17}[\dXx]$|^\d{15}$")


class WarningCase(Strict):
    """A pseudonymous warning case: no name, no ID number, no free text about the student."""

    case_id: Ident
    tier: str  # a tier of the scheme the city declares (e.g. red/orange/yellow)
    opened: date
    handling_level: str | None = None  # class / grade / school / district
    referred: bool = False  # 转介 to a medical institution
    follow_ups: list[date] = Field(default_factory=list)
    closed: date | None = None

    @field_validator("case_id")
    @classmethod
    def _not_an_identity_number(cls, value: str) -> str:
        if _ID_CARD.match(value):
            raise DataCheck("identity_number")  # the value itself is not echoed: it may be real
        return value


class HomeVisits(Strict):
    """Families visited in one semester (aggregate)."""

    semester: Annotated[str, Field(pattern=r"^\d{4}-\d{4}-[12]$")]  # 2024-2025-1 = autumn
    families: Annotated[int, bounded(MAX_PEOPLE, "户", "families", "本学期在册学生家庭数",
                                     "families of the students on roll", title="在册家庭数")]
    # families visited at least once in the semester
    families_visited: Annotated[int, bounded(MAX_PEOPLE, "户", "families", "本学期至少家访一次的家庭数",
                                             "families visited at least once in the semester", title="已家访家庭数")]

    @model_validator(mode="after")
    def _visited_within_families(self) -> HomeVisits:
        if self.families_visited > self.families:
            raise self._exceeds("families_visited", "families")
        return self


class ClassHomeVisits(Strict):
    """Home visits of one class in one school year, by student (aggregate; no student is named):
    for plans that hold the head teacher to visit every student of the class each year (石景山
    三(一) “班主任每学年对每名学生至少开展1次家访”). `home_visits` (families per semester) stays
    for plans that count families; the two are reported side by side, neither derived from the other."""

    school_year: Annotated[str, Field(pattern=r"^\d{4}-\d{4}$")]
    grade: Grade
    class_id: Ident  # the class's code in the school, e.g. "4-2"
    students: Annotated[int, bounded(MAX_PEOPLE, "人", "students", "本班学生人数", "students in the class",
                                     title="本班学生数")]
    students_visited: Annotated[int, bounded(MAX_PEOPLE, "人", "students", "本学年至少家访1次的学生人数",
                                             "students visited at home at least once in the school year",
                                             title="已家访学生数")]

    @model_validator(mode="after")
    def _visited_within_students(self) -> ClassHomeVisits:
        if self.students_visited > self.students:
            raise self._exceeds("students_visited", "students")
        return self


class RoomFunction(LabelledEnum):
    OFFICE = "office", "教师办公"
    ARCHIVES = "archives", "档案管理"
    INDIVIDUAL = "individual", "个体咨询"
    GROUP = "group", "团体辅导"
    ASSESSMENT = "assessment", "心理测评"
    RELAXATION = "relaxation", "宣泄放松"


class CounselingRoom(Strict):
    built: date | None = None
    functions: list[RoomFunction] = Field(default_factory=list)
    equipment: list[str] = Field(default_factory=list)
    opening_hours_per_week: Annotated[float | None, bounded(HOURS_PER_WEEK, "小时/周", "hours a week",
                                                            "辅导室每周开放时长", "opening hours per week")] = None
    meets_standard: bool | None = None  # built to the cited national/municipal standard
    # How the room is run (None: not reported, never "no"): 值班 and 预约 systems, open on every
    # school day, opening hours and how to ask for help published.
    duty_system: bool | None = Field(default=None, title="心理辅导值班制度")
    appointment_system: bool | None = Field(default=None, title="心理辅导预约制度")
    open_every_school_day: bool | None = Field(default=None, title="学生在校期间每天开放")
    hours_published: bool | None = Field(default=None, title="开放时间和求助方式已公示")


class Campus(Strict):
    id: Ident
    name: str
    students: Annotated[int, bounded(MAX_PEOPLE, "人", "students", "校区学生人数", "students at the campus")] = 0


class AfterSchool(Strict):
    """After-school service for one semester: total minutes and those spent on interest/clubs."""

    semester: Annotated[str, Field(pattern=r"^\d{4}-\d{4}-[12]$")]
    total_minutes: Annotated[int, bounded(MAX_MINUTES_PER_SEMESTER, "分钟/学期", "minutes a semester",
                                          "本学期课后服务总时长", "after-school service in the semester",
                                          title="课后服务总时长")]
    interest_club_minutes: Annotated[int, bounded(MAX_MINUTES_PER_SEMESTER, "分钟/学期", "minutes a semester",
                                                  "其中兴趣和社团活动时长", "of which interest groups and clubs",
                                                  title="兴趣和社团活动时长")]
    pe_minutes_in_school_per_day: Annotated[int | None, bounded(MINUTES_PER_DAY, "分钟/天", "minutes a day",
                                                                "每天校内体育活动时间",
                                                                "physical activity in school each day")] = None
    pe_minutes_out_of_school_per_day: Annotated[int | None, bounded(MINUTES_PER_DAY, "分钟/天", "minutes a day",
                                                                    "每天校外体育活动时间",
                                                                    "physical activity out of school each day")] = None

    @model_validator(mode="after")
    def _club_within_total(self) -> AfterSchool:
        if self.interest_club_minutes > self.total_minutes:
            raise self._exceeds("interest_club_minutes", "total_minutes")
        return self


class Attestation(Strict):
    """A person's answer to a qualitative item. `by` is a role, not a name."""

    item: Ident  # requirement id of the attestation item
    value: bool
    date: date
    by: str | None = None
    note: str | None = None


class Institution(Strict):
    id: Ident
    name: str
    district_id: Ident
    kind: InstitutionKind
    public: bool = True
    boarding: bool = Field(default=False, title="寄宿制学校")
    boarding_students: Annotated[int, bounded(MAX_PEOPLE, "人", "students", "寄宿学生人数", "boarding students",
                                              title="寄宿生人数")] = 0
    central_primary: bool = False  # 小学中心校 / 乡镇中心小学
    class1_middle: bool = False  # 中学一类校
    small_scale: bool = False  # 小规模学校 (as the bureau classifies it)
    campuses: list[Campus] = Field(default_factory=list)
    enrollment: list[GradeEnrollment] = Field(default_factory=list)
    staff: list[StaffMember] = Field(default_factory=list)
    lessons: list[LessonPlan] = Field(default_factory=list)
    courses: list[Course] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    screenings: list[Screening] = Field(default_factory=list)
    archives_kept: bool | None = None  # 一生一档 / 心理健康档案
    warning_cases: list[WarningCase] = Field(default_factory=list)
    home_visits: list[HomeVisits] = Field(default_factory=list)
    home_visits_by_class: list[ClassHomeVisits] = Field(default_factory=list)
    after_school: list[AfterSchool] = Field(default_factory=list)
    counseling_room: CounselingRoom | None = None
    referral_channel_established: date | None = None  # 转介“绿色通道”
    leadership_group: bool | None = None  # 心理健康教育领导小组
    working_group: bool | None = None  # 工作小组
    crisis_group: bool | None = None  # 心理危机干预小组
    attestations: list[Attestation] = Field(default_factory=list)

    @model_validator(mode="after")
    def _campuses_resolve(self) -> Institution:
        # A campus is a subject of its own (SubjectKind.CAMPUS): its id is unique in the school,
        # and a member of staff tied to a campus names one the school lists.
        known: set[str] = set()
        for n, campus in enumerate(self.campuses):
            if campus.id in known:
                raise DataCheck("duplicate_id", on=f"campuses[{n}].id", id=campus.id, table="campuses")
            known.add(campus.id)
        for n, member in enumerate(self.staff):
            if member.campus is not None and member.campus not in known:
                raise DataCheck("unknown_reference", on=f"staff[{n}].campus", value=member.campus, table="campuses")
        return self

    @model_validator(mode="after")
    def _boarding_consistent(self) -> Institution:
        if self.boarding_students and not self.boarding:
            fields = type(self).model_fields
            raise DataCheck("inconsistent_values", on="boarding_students", name="boarding_students",
                            name_label=fields["boarding_students"].title, value=self.boarding_students,
                            other="boarding", other_label=fields["boarding"].title, other_value="false")
        return self

    @property
    def stages(self) -> frozenset[Stage]:
        return KIND_STAGES[self.kind]

    @property
    def students(self) -> int | None:
        """Total enrolment, or None when no enrolment was reported (never assumed zero)."""
        if not self.enrollment:
            return None
        return sum(g.students for g in self.enrollment)


class StationLevel(LabelledEnum):
    CITY = "city", "市级", "市级辅导中心"
    DISTRICT = "district", "县（区）级", "县区级"
    TOWNSHIP = "township", "乡镇（街道）级", "乡镇级"
    SCHOOL = "school", "校级", "校级辅导室"


# Tiers of a plan's station network: 1 is the top (一级站点). Three are enough for every plan
# we know; a few more leave room without accepting a typo such as 11.
MAX_STATION_TIER = 5
MONTH_CODE = r"^\d{4}-(0[1-9]|1[0-2])$"


class ReportSent(Strict):
    """One periodic report a station sent up its tree: the month it covers, the day it was sent
    and the station it was sent to (e.g. 新乡's 《站点咨询工作数据表》 of each month)."""

    month: Annotated[str, Field(pattern=MONTH_CODE, title="所报月份")]  # "2024-05"
    sent: date = Field(title="报送日期")
    recipient_id: Ident = Field(title="接收站点编号")
    sheet: str | None = Field(default=None, title="报表名称")


class Station(Strict):
    """A counseling station or centre (辅导站/中心) with its level and parent station.

    `level` is the administrative level of whoever runs it; `tier` is the station's place in a
    plan's own network, which may differ (新乡: a 市属学校辅导站 is a 二级站点 though a school
    runs it). Where tiers are given the tree is checked (Dataset._station_tree): one top
    station, each other tier's parent one tier up, no cycles."""

    id: Ident
    name: str
    level: StationLevel
    district_id: Ident | None = None
    parent_id: Ident | None = None
    tier: Annotated[int | None, bounded(MAX_STATION_TIER, "级", "tier", "计划所定的站点层级，1为最高（一级站点）",
                                        "the station's tier in the plan's network, 1 = top", ge=1,
                                        title="站点层级")] = None
    reports_sent: list[ReportSent] = Field(default_factory=list)
    established: date | None = None
    staff: list[StaffMember] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    attestations: list[Attestation] = Field(default_factory=list)


class TeacherDevelopmentCenter(Strict):
    """A county/district teacher development centre (教师发展中心 / 教师进修学校)."""

    name: str
    staff: list[StaffMember] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)


class District(Strict):
    id: Ident
    name: str
    kind: str = "district"  # 区 / 县 / 县级市 / 开发区
    teacher_development_center: TeacherDevelopmentCenter | None = None
    events: list[Event] = Field(default_factory=list)
    attestations: list[Attestation] = Field(default_factory=list)


class City(Strict):
    code: Ident  # plugin code of the city whose data this is, e.g. "fuzhou"
    name: str
    events: list[Event] = Field(default_factory=list)
    attestations: list[Attestation] = Field(default_factory=list)


class EducationGroup(Strict):
    """An education group (教育集团, 集团化办学): member schools under one group, a subject of its own
    (SubjectKind.GROUP), decided from the dataset header like a district. Members are institution
    ids; a member the data does not have is an input error once the institutions are read."""

    id: Ident
    name: str
    district_id: Ident | None = None
    members: list[Ident] = Field(default_factory=list, title="成员学校")
    # 联合心理教研组 (a joint psychology research group of the member schools): whether the group has
    # one (None: not reported) and the day it was set up.
    joint_research_group: bool | None = Field(default=None, title="已建立联合心理教研组")
    joint_research_group_established: date | None = Field(default=None, title="联合心理教研组建立日期")
    events: list[Event] = Field(default_factory=list)
    attestations: list[Attestation] = Field(default_factory=list)

    @model_validator(mode="after")
    def _members_unique(self) -> EducationGroup:
        seen: set[str] = set()
        for n, member in enumerate(self.members):
            if member in seen:
                raise DataCheck("duplicate_id", on=f"members[{n}]", id=member, table="members")
            seen.add(member)
        return self


class Dataset(Strict):
    """Everything a check reads. `mhpolicy schema` prints this model as JSON Schema."""

    schema_version: Annotated[int, bounded(1, "版", "version", "数据格式版本", "version of this data format", ge=1)] = 1
    # The date the data describes (数据截至日期): the default evaluation date, so a
    # bundled sample reads the same next year as today.
    as_of: date | None = None
    city: City
    districts: list[District] = Field(default_factory=list)
    institutions: list[Institution] = Field(default_factory=list)
    stations: list[Station] = Field(default_factory=list)
    groups: list[EducationGroup] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references_resolve(self) -> Dataset:
        # Raised as one error naming the first offending row (`at`); loading.py maps it to a path.
        # (pydantic runs this only once every field is valid, so such errors come in a second round.)
        district_ids = [d.id for d in self.districts]
        _unique("districts", district_ids)
        _unique("institutions", [i.id for i in self.institutions])
        _unique("stations", [s.id for s in self.stations])
        known = set(district_ids)
        for n, inst in enumerate(self.institutions):
            if inst.district_id not in known:
                raise DataCheck("unknown_reference", ("institutions", n, "district_id"),
                                value=inst.district_id, table="districts")
        station_ids = {s.id for s in self.stations}
        for n, st in enumerate(self.stations):
            if st.district_id is not None and st.district_id not in known:
                raise DataCheck("unknown_reference", ("stations", n, "district_id"), value=st.district_id,
                                table="districts")
            if st.parent_id is not None and st.parent_id not in station_ids:
                raise DataCheck("unknown_reference", ("stations", n, "parent_id"), value=st.parent_id,
                                table="stations")
            for k, report in enumerate(st.reports_sent):
                if report.recipient_id not in station_ids:
                    raise DataCheck("unknown_reference", ("stations", n, f"reports_sent[{k}].recipient_id"),
                                    value=report.recipient_id, table="stations")
        _station_tree(self.stations)
        _unique("groups", [g.id for g in self.groups])
        for n, group in enumerate(self.groups):
            if group.district_id is not None and group.district_id not in known:
                raise DataCheck("unknown_reference", ("groups", n, "district_id"), value=group.district_id,
                                table="districts")
        if self.institutions:  # a header alone (streamed) is checked once every row is read: pipeline
            for n, member in unknown_members(self.groups, {i.id for i in self.institutions}):
                raise DataCheck("unknown_reference", ("groups", n, "members"), value=member, table="institutions")
        return self


def unknown_members(groups: list[EducationGroup], institution_ids: set[str]) -> list[tuple[int, str]]:
    """(group index, member id) of every group member that is not an institution of the data."""
    return [(n, m) for n, g in enumerate(groups) for m in g.members if m not in institution_ids]


def _station_tree(stations: list[Station]) -> None:
    """Refuse a station network that is not a tree in the plan's tiers, naming the station:
    a parent chain that loops; where tiers are given, two top (tier 1) stations, a top station
    with a parent, a lower-tier station without one, or one whose parent is not one tier up."""
    index = {s.id: n for n, s in enumerate(stations)}
    by_id = {s.id: s for s in stations}
    rooted: set[str] = set()  # stations whose chain is known to end at a station without a parent
    for st in stations:  # cycles: each chain is walked once, up to a station already known rooted
        seen = [st.id]
        parent = st.parent_id
        while parent is not None and parent in by_id and parent not in rooted:
            if parent in seen:
                loop = seen[seen.index(parent):] + [parent]
                raise DataCheck("station_cycle", ("stations", index[loop[0]], "parent_id"), id=loop[0],
                                path=" → ".join(loop))
            seen.append(parent)
            parent = by_id[parent].parent_id
        rooted.update(seen)
    top: Station | None = None
    for n, st in enumerate(stations):
        if st.tier is None:
            continue
        parent = by_id.get(st.parent_id) if st.parent_id is not None else None
        if st.tier == 1:
            if parent is not None:
                raise DataCheck("station_top_has_parent", ("stations", n, "parent_id"), id=st.id,
                                parent=parent.id)
            if top is not None:
                raise DataCheck("station_two_tops", ("stations", n, "tier"), id=st.id, first=top.id)
            top = st
        elif parent is None:
            raise DataCheck("station_without_parent", ("stations", n, "parent_id"), id=st.id, tier=st.tier)
        elif parent.tier != st.tier - 1:
            raise DataCheck("station_parent_tier", ("stations", n, "parent_id"), id=st.id, tier=st.tier,
                            parent=parent.id, parent_tier="未定" if parent.tier is None else parent.tier,
                            parent_tier_en="none" if parent.tier is None else parent.tier,
                            expected=st.tier - 1)


def _unique(table: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for n, ident in enumerate(ids):
        if ident in seen:
            raise DataCheck("duplicate_id", (table, n, "id"), id=ident, table=table)
        seen.add(ident)
