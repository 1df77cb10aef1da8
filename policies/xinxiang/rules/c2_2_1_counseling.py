"""二(二)1 坚持开展心理咨询服务

“坚持面询、热线咨询、网络咨询工作，做到制度完善、流程规范、记录完整、汇总分析及时，三级站点每月26日前向归属
二级站点报《站点咨询工作数据表》（附件2），二级站点汇总后向一级站点报备，一级站点做好数据汇总，定期公布整体数据。
三级体系各站点要通过日常心理辅导工作，加强数据分析、案例研究工作，提高风险预判能力。
县（市）、区二级站点要定期面向所属三级站点进行业务指导、技能培训、案例督导。”

The monthly sheets are the stations' `reports_sent` (core: month, date sent, recipient station).
Each month is its own finding, due on its day of the month (core `DueDay`): judged once that
day is over, 进行中 until then. A sheet counts only if it reached the station's own parent;
the finding names the month, the due date, the date sent and the recipient, and a late sheet
says by how many days.

Spec: features/xinxiang/二(二)1_坚持开展心理咨询服务.feature
"""

from __future__ import annotations

from datetime import date

from mhpolicy.core.model.entities import Station
from mhpolicy.core.rules.context import Context, Subject
from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.periods import Period, PeriodKind, due_on_day
from mhpolicy.core.rules.requirement import (
    AppliesTo,
    ClauseNote,
    DueDay,
    Measure,
    MeasureResult,
    MissingData,
    Modality,
    Requirement,
    RequirementKind,
    SubjectKind,
)

from ..document import CITY
from ._shared import LOWER, MIDDLE, TOP, children, is_county_station, param, station_name, tier_is

SHEET = "站点咨询工作数据表"
Q_MONTHLY = "三级站点每月26日前向归属二级站点报《站点咨询工作数据表》（附件2）"
Q_FORWARD = "二级站点汇总后向一级站点报备"
Q_PUBLISH = "一级站点做好数据汇总，定期公布整体数据"
Q_GUIDANCE = "县（市）、区二级站点要定期面向所属三级站点进行业务指导、技能培训、案例督导"

# “三级站点每月26日前向归属二级站点报《站点咨询工作数据表》（附件2）”
MONTHLY_DUE_DAY = param(
    "monthly_sheet_due_day", "三级站点月报截止日（当月第几日，含当日）", "日", 26, "二(二)1", Q_MONTHLY,
    note="“26日前”读作截至当月26日（含26日）：26日报送为按时，27日起为迟报。")
# “二级站点汇总后向一级站点报备” — the text gives no deadline.
FORWARD_DUE_DAY = param(
    "forward_due_day", "二级站点汇总报备截止日（次月第几日，含当日）", "日", 5, "二(二)1", Q_FORWARD,
    note="原文未定期限，读作次月5日（含）：留出26日收齐后汇总的时间，又在下月数据表截止前报备。")


def _month_code(month: Period) -> str:
    return f"{month.start:%Y-%m}"


def sheet_to_parent(station: Station, month: Period, due: date, ctx: Context, what: str) -> Measure:
    """Whether the month's sheet reached `station`'s own parent by `due`: 1 or 0 sheets on time,
    with the month, due date, date sent and recipient as inputs, and the gap in words."""
    code = _month_code(month)
    sent = sorted((r for r in station.reports_sent if r.month == code), key=lambda r: r.sent)
    to_parent = [r for r in sent if r.recipient_id == station.parent_id]
    inputs: dict[str, object] = {"月份": month.label, "截止日期": due.isoformat(),
                                 "归属上级站点": station_name(ctx, station.parent_id)}
    if to_parent:
        first = to_parent[0]
        inputs |= {"报送日期": first.sent.isoformat(), "接收站点": station_name(ctx, first.recipient_id)}
        late = (first.sent - due).days
        if late <= 0:
            return Measure(observed=1, required=1, inputs=inputs)
        inputs["迟报天数"] = late
        return Measure(observed=0, required=1, inputs=inputs,
                       gap_text=f"{month.label}{what}迟报{late}天（截止{due.isoformat()}，{first.sent.isoformat()}报送）")
    if sent:
        wrong = sent[0]
        inputs |= {"报送日期": wrong.sent.isoformat(), "接收站点": station_name(ctx, wrong.recipient_id)}
        return Measure(observed=0, required=1, inputs=inputs,
                       gap_text=f"{month.label}{what}报给了{station_name(ctx, wrong.recipient_id)}，"
                                f"不是归属上级站点{station_name(ctx, station.parent_id)}，视为未报")
    inputs["报送日期"] = "未报送"
    return Measure(observed=0, required=1, inputs=inputs,
                   gap_text=f"{month.label}{what}未报送（截止{due.isoformat()}）")


def _monthly_sheet(subject: Subject, ctx: Context) -> MeasureResult:
    st = subject.station
    if not st.reports_sent:  # nothing recorded at all: not known, never "not sent"
        return MissingData(("reports_sent",))
    month = ctx.period(PeriodKind.MONTH)
    due = due_on_day(month, int(ctx.param(MONTHLY_DUE_DAY.id)))
    return sheet_to_parent(st, month, due, ctx, f"《{SHEET}》")


MONTHLY_SHEET = Requirement(
    id=f"{CITY}.2-2-1.monthly-sheet", city=CITY, clause="二(二)1", quote=Q_MONTHLY,
    title="三级站点每月26日前向归属二级站点报送《站点咨询工作数据表》", topic="reporting.monthly_sheet",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="三级站点", where=tier_is(LOWER)),
    modality=Modality.MANDATORY, modal_word="", measure=_monthly_sheet,
    observed_label="按时报归属二级站点的数据表", unit="份", gap_text="本月数据表未按时报归属二级站点",
    period=PeriodKind.MONTH, due_day=DueDay(MONTHLY_DUE_DAY.id), parameters=(MONTHLY_DUE_DAY.id,),
    reading="无情态词的任务陈述，计划以“每月26日前”定下期限，读作必须履行。“26日前”读作截至当月26日（含当日），"
            "各月的表即当月的表（“2024-05”的表截止2024-05-26）；26日当天仍为进行中，27日起评判。只有报给本站点"
            "上级站点（parent_id）的表才算报送：报给其他站点视为未报。迟报的，差距写明迟报天数。站点没有任何报送记录时为缺数据。",
)


def _forward(subject: Subject, ctx: Context) -> MeasureResult:
    st = subject.station
    if not st.reports_sent:
        return MissingData(("reports_sent",))
    month = ctx.period(PeriodKind.MONTH)
    due = due_on_day(month, int(ctx.param(FORWARD_DUE_DAY.id)), months_after=1)
    m = sheet_to_parent(st, month, due, ctx, "汇总表")
    # What the summary could hold: the children's sheets of the month received by the time it was sent.
    kids = children(ctx, st)
    if kids:
        sent_on = m.inputs.get("报送日期")
        upto = date.fromisoformat(sent_on) if isinstance(sent_on, str) and sent_on[:1].isdigit() else ctx.as_of
        code = _month_code(month)
        got = sum(any(r.month == code and r.recipient_id == st.id and r.sent <= upto for r in k.reports_sent)
                  for k in kids)
        m.inputs["已收下级数据表"] = f"{got}/{len(kids)}"
    return m


FORWARD = Requirement(
    id=f"{CITY}.2-2-1.forward-summary", city=CITY, clause="二(二)1", quote=Q_FORWARD,
    title="二级站点每月汇总后向一级站点报备", topic="reporting.monthly_forward",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="二级站点", where=tier_is(MIDDLE)),
    modality=Modality.MANDATORY, modal_word="", measure=_forward,
    observed_label="按时报一级站点的汇总表", unit="份", gap_text="本月汇总表未按时报一级站点",
    period=PeriodKind.MONTH, due_day=DueDay(FORWARD_DUE_DAY.id, months_after=1), parameters=(FORWARD_DUE_DAY.id,),
    reading="无情态词的任务陈述，紧接“每月26日前”的三级月报，读作每月必须履行。原文未定报备期限，读作次月5日（含当日，"
            "参数可改）；每个二级站点（含无下级的市属学校辅导站，其汇总即本站数据）每月一份，报给其上级站点（一级站点）。"
            "说明中列出报送时已收到的下级数据表份数，供一级站点核对。",
)

# “一级站点做好数据汇总，定期公布整体数据”
PUBLISH = Requirement(
    id=f"{CITY}.2-2-1.publish-data", city=CITY, clause="二(二)1", quote=Q_PUBLISH,
    title="一级站点做好数据汇总、定期公布整体数据", topic="attest.publish_data",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="一级站点", where=tier_is(TOP)),
    modality=Modality.MANDATORY, modal_word="", kind=RequirementKind.ATTESTATION, period=PeriodKind.SEMESTER,
    reading="“定期”未定频率：读作每学期至少公布一次，由一级站点每学期人工确认（确认日期须在该学期内）。",
)

# “县（市）、区二级站点要定期面向所属三级站点进行业务指导、技能培训、案例督导”
GUIDANCE = Requirement(
    id=f"{CITY}.2-2-1.guide-lower-stations", city=CITY, clause="二(二)1", quote=Q_GUIDANCE,
    title="县（市）、区二级站点定期对所属三级站点业务指导、技能培训、案例督导", topic="attest.station_guidance",
    subject=SubjectKind.STATION, applies_to=AppliesTo(text="县（市）、区二级站点", where=is_county_station),
    modality=Modality.MANDATORY, modal_word="要", kind=RequirementKind.ATTESTATION, period=PeriodKind.SEMESTER,
    reading="“定期”未定频率：读作每学期至少一轮（指导、培训、督导三项），由站点每学期人工确认"
            "（确认日期须在该学期内）；市属学校辅导站无所属三级站点，不适用。",
)

PARAMETERS: list[Parameter] = [MONTHLY_DUE_DAY, FORWARD_DUE_DAY]
REQUIREMENTS: list[Requirement] = [MONTHLY_SHEET, FORWARD, PUBLISH, GUIDANCE]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("二(二)1", "坚持面询、热线咨询、网络咨询，制度完善、流程规范、记录完整、汇总分析及时",
               "工作要求的定性描述，无数量或期限；其可检查的部分（每月数据表按时报送、逐级汇总）已建模"),
    ClauseNote("二(二)1", "各站点加强数据分析、案例研究，提高风险预判能力", "定性要求，无可计量的标准"),
]
