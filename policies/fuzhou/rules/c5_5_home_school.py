"""五、5 家校社网协同育人一体化

《福州市学校心理健康教育行动计划》五、主要任务 5.家校社网协同育人一体化：

“学校应通过入户家访、校园来访、网络访谈、家长会、家长学校、家长开放日等活动，持续加强家校沟通交流，
  育德与育心有机融合，不断提升家长心理健康教育意识和能力。每学年学校至少组织1次家长心理健康教育
  专题辅导，每学期至少召开1次心理专题家长会。”

Spec: features/fuzhou/五、5_家校社网协同育人一体化.feature
"""

from __future__ import annotations

from mhpolicy.core.model.entities import K12_KINDS, EventKind
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import PeriodKind
from mhpolicy.core.rules.queries import reported_yes
from mhpolicy.core.rules.requirement import (
    AppliesTo,
    ClauseNote,
    Modality,
    Requirement,
    RequirementKind,
    SubjectKind,
)

from ..document import CITY
from ._shared import PRE_TERTIARY_KINDS, event_count, param

PARENT_COUNSELING_MIN = param(
    "fuzhou.family.parent_counseling_per_school_year", "每学年家长心理健康教育专题辅导次数", "次", 1, "五、5",
    "每学年学校至少组织1次家长心理健康教育专题辅导",
)
PARENT_MEETING_MIN = param(
    "fuzhou.family.parent_meetings_per_semester", "每学期心理专题家长会次数", "次", 1, "五、5",
    "每学期至少召开1次心理专题家长会",
)

HOME_SCHOOL = Requirement(
    id="fuzhou.5-5.home-school-communication",
    city=CITY,
    clause="五、5",
    quote="学校应通过入户家访、校园来访、网络访谈、家长会、家长学校、家长开放日等活动，持续加强家校沟通交流",
    title="通过多种活动持续加强家校沟通交流",
    topic="attest.home_school_communication",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="幼儿园、中小学（含中职）、特殊教育学校", kinds=PRE_TERTIARY_KINDS),
    modality=Modality.MANDATORY,
    modal_word="应",
    kind=RequirementKind.ATTESTATION,
)

PARENT_COUNSELING = Requirement(
    id="fuzhou.5-5.parent-counseling",
    city=CITY,
    clause="五、5",
    quote="每学年学校至少组织1次家长心理健康教育专题辅导",
    title="每学年至少组织1次家长心理健康教育专题辅导",
    topic="family.parent_session",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="幼儿园、中小学（含中职）、特殊教育学校", kinds=PRE_TERTIARY_KINDS),
    modality=Modality.MANDATORY,
    modal_word="至少",
    measure=event_count(EventKind.PARENT_COUNSELING, PeriodKind.SCHOOL_YEAR, PARENT_COUNSELING_MIN.id),
    observed_label="本学年家长心理健康教育专题辅导次数",
    unit="次",
    gap_text="本学年缺{gap}次家长心理健康教育专题辅导",
    period=PeriodKind.SCHOOL_YEAR,
    parameters=(PARENT_COUNSELING_MIN.id,),
    reading="“狠抓家庭教育”一段以家长会、家长学校为载体，读作对高校以外的学校的要求。",
)

PARENT_MEETING = Requirement(
    id="fuzhou.5-5.parent-meeting",
    city=CITY,
    clause="五、5",
    quote="每学期至少召开1次心理专题家长会",
    title="每学期至少召开1次心理专题家长会",
    topic="family.parent_meeting",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="幼儿园、中小学（含中职）、特殊教育学校", kinds=PRE_TERTIARY_KINDS),
    modality=Modality.MANDATORY,
    modal_word="至少",
    measure=event_count(EventKind.PARENT_MEETING, PeriodKind.SEMESTER, PARENT_MEETING_MIN.id),
    observed_label="本学期心理专题家长会次数",
    unit="次",
    gap_text="本学期缺{gap}次心理专题家长会",
    period=PeriodKind.SEMESTER,
    parameters=(PARENT_MEETING_MIN.id,),
    reading="读作对高校以外的学校的要求（同上）。",
)


# “实现“一生一档e心健”。支持建立全市中小学生心理成长档案及心理大数据分析管理与服务平台……”
ARCHIVES = Requirement(
    id="fuzhou.5-5.archives",
    city=CITY,
    clause="五、5",
    quote="支持建立全市中小学生心理成长档案及心理大数据分析管理与服务平台",
    title="建立中小学生心理成长档案（一生一档）",
    topic="archives.kept",
    subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="中小学（含中职）", kinds=K12_KINDS),
    modality=Modality.ADVICE,
    modal_word="支持",
    measure=lambda s, c: reported_yes(s.institution.archives_kept, "archives_kept"),
    observed_label="已建立心理成长档案",
    unit="项",
    gap_text="未建立学生心理成长档案",
    reading="“支持”为倡导性表述：学校未建档为提示，非不符合。全市平台建设为市级事项，未单列。",
)

PARAMETERS: list[Parameter] = [PARENT_COUNSELING_MIN, PARENT_MEETING_MIN]
REQUIREMENTS: list[Requirement] = [HOME_SCHOOL, PARENT_COUNSELING, PARENT_MEETING, ARCHIVES]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("五、5", "心理大数据平台、市属高校协作中心网络平台、家长微课等平台载体",
               "市级平台建设；学校建档部分已作倡导项"),
    ClauseNote("五、5", "优化教育生态（不单纯以考试成绩评价、减负、教师心理关护、探索招聘心理测试）",
               "原则性与倡导性表述，无可判定的阈值"),
    ClauseNote("五、5", "群策群力群防（部门协同机制、适时召开联席会议、关注特殊群体学生）",
               "对多部门的要求；“适时”无频次；个体学生数据不采集"),
]
