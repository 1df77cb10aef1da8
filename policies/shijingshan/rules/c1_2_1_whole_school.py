"""一(二)1 将心理健康工作融入教育教学和管理全过程

石景山区实施方案（征求意见稿）一（二）1.将心理健康工作融入教育教学和管理全过程（节选）：

“中小学校建立以班主任和心理健康教育教师为骨干、全体教职工共同参与的心理健康教育工作机制……建立学生心理异常
情况报告制度……”

Spec: features/shijingshan/一(二)1_将心理健康工作融入教育教学和管理全过程.feature
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

from ._shared import attest

# “中小学校建立以班主任和心理健康教育教师为骨干、全体教职工共同参与的心理健康教育工作机制”
MECHANISM = attest("一(二)1", "whole-staff-mechanism",
                   "中小学校建立以班主任和心理健康教育教师为骨干、全体教职工共同参与的心理健康教育工作机制",
                   "建立班主任和心理教师为骨干、全体教职工参与的工作机制")
# “建立学生心理异常情况报告制度”
REPORTING = attest("一(二)1", "abnormality-reporting", "建立学生心理异常情况报告制度", "建立学生心理异常情况报告制度")

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = [MECHANISM, REPORTING]
UNMODELLED: list[ClauseNote] = [
    ClauseNote("一(二)1", "全体教职员工常态化关心关爱学生、发现异常及时告知",
               "日常行为要求，无可统计的数据；报告制度本身作为人工确认项"),
]
