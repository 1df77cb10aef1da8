"""四(二)3(1) 主动介入干预

中共平凉市委教育工作领导小组《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》
四、任务分工（二）3.干预援助 1）主动介入干预：

“对一般不良行为学生，学校加强批评教育，辅以心理辅导；对疑似有心理问题的学生，积极开展心理健康测评与辅导；对
 疑似患有精神障碍的学生，畅通预防转介干预就医通道，及时转介、诊断、治疗。”

Spec: features/pingliang/四(二)3(1)_主动介入干预.feature
"""

from __future__ import annotations

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
from ._shared import K12, SCHOOL_KINDS, UNIVERSITY

CLAUSE = "四(二)3(1)"
Q_REFERRAL = "对疑似患有精神障碍的学生，畅通预防转介干预就医通道，及时转介、诊断、治疗"
Q_TIERS = "对一般不良行为学生，学校加强批评教育，辅以心理辅导；对疑似有心理问题的学生，积极开展心理健康测评与辅导"


def _channel(subject: Subject, ctx: Context) -> MeasureResult:
    opened = subject.institution.referral_channel_established
    if opened is None:
        return MissingData(("referral_channel_established",))
    return Measure(observed=int(opened <= ctx.as_of), required=1, inputs={"建立日期": opened.isoformat()})


REFERRAL = Requirement(
    id=f"{CITY}.4-2-3-1.referral-channel", city=CITY, clause=CLAUSE, quote=Q_REFERRAL,
    title="畅通预防转介干预就医通道", topic="governance.referral_channel",
    subject=SubjectKind.INSTITUTION, applies_to=AppliesTo(text="中小学（含中职）、高校", kinds=K12 | UNIVERSITY),
    modality=Modality.MANDATORY, modal_word="", measure=_channel, observed_label="已建立转介就医通道（是=1）", unit="项",
    gap_text="尚未建立转介就医通道",
    reading="无情态词，但作为干预援助的任务陈述、责任单位为教育局和卫健委，读作强制：学校一侧以建立转介通道的日期"
            "（referral_channel_established）判定，评估日当天或之前建立即符合；未报为缺数据。“及时”未定时限，不另判。",
)
TIERS = Requirement(
    id=f"{CITY}.4-2-3-1.tiered-intervention", city=CITY, clause=CLAUSE, quote=Q_TIERS,
    title="对不良行为学生和疑似心理问题学生分层介入（批评教育辅以心理辅导、测评与辅导）",
    topic="attest.tiered_intervention", subject=SubjectKind.INSTITUTION,
    applies_to=AppliesTo(text="各学校", kinds=SCHOOL_KINDS), modality=Modality.MANDATORY, modal_word="",
    kind=RequirementKind.ATTESTATION,
    reading="主语“学校”的任务陈述，读作强制；个案处置不在汇总数据中，由人确认。",
)

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [TIERS, REFERRAL]
UNMODELLED: list[ClauseNote] = []
