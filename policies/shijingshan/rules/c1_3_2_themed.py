"""一(三)2 开展丰富多元心理健康专题教育

石景山区实施方案（征求意见稿）一（三）2.开展丰富多元心理健康专题教育（节选）：

“紧扣新生入学、毕业升学、期中期末考试前后等重要时间节点加强针对性教育引导，开展入学适应、生涯规划、迎考心态
调适、考后情绪调控等专题教育活动，解答学生心理困惑。……”

Spec: features/shijingshan/一(三)2_开展丰富多元心理健康专题教育.feature
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

from ._shared import attest

THEMED = attest("一(三)2", "themed-education",
                "开展入学适应、生涯规划、迎考心态调适、考后情绪调控等专题教育活动",
                "在入学、升学、考试前后等节点开展专题教育活动")

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [THEMED]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("一(三)2", "生命教育、青春期教育、学业发展指导；辅导站下校授课、资源推送",
               "未给频次或数量的综合性要求，对象部分为区辅导站；专题教育整体作为人工确认项"),
]
