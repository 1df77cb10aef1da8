"""Chinese names for the data fields a finding can ask for, so an action reads
"需补报：活动记录（events）" rather than a bare path. The path stays, in brackets, for whoever
fills in the data. A path that selects by an enumerated value (`staff[role=counselor]`) is
named by that value's label (core/model/vocabulary.py), not by a label of its own here."""

from __future__ import annotations

import re

from .entities import StaffRole

# Most specific first: the first pattern that matches the path names it.
_LABELS: list[tuple[str, str]] = [
    (r"staff\[\]\.trainings\[\]\.topic", "培训主题"),
    (r"staff\[\]\.trainings", "教职工培训记录"),
    (r"staff", "教职工名单"),
    (r"counseling_room\.meets_standard", "心理辅导室是否达标"),
    (r"counseling_room", "心理辅导室情况"),
    (r"teacher_development_center\.staff", "教师发展中心人员"),
    (r"teacher_development_center\.events", "教师发展中心教研活动"),
    (r"teacher_development_center", "教师发展中心情况"),
    (r"reports_sent", "向上级站点报送的月报记录"),
    (r"sunshine_activities", "“阳光成长”活动记录"),
    (r"volunteer_team", "“新老师”志愿服务分队情况"),
    (r"budget_lines", "年度预算经费记录"),
    (r"stations", "辅导站名册"),
    (r"city\.events", "全市活动记录"),
    (r"enrollment\[grade=\d+\]\.classes_with", "各班心理委员设置"),
    (r"enrollment\[grade=\d+\]\.classes", "班级数"),
    (r"enrollment", "在籍学生数"),
    (r"events\[\]\.title", "活动标题"),
    (r"events", "活动记录"),
    (r"screenings", "普查筛查记录"),
    (r"lessons", "心理健康课课时安排"),
    (r"courses", "课程设置"),
    (r"home_visits_by_class", "各班学年家访情况"),
    (r"home_visits\[[^\]]+\]\.visits_per_family", "每户家访次数"),
    (r"home_visits", "家访情况"),
    (r"after_school\[[^\]]+\]\.pe_minutes", "每天体育活动时间"),
    (r"after_school", "课后服务情况"),
    (r"archives_kept", "心理健康档案情况"),
    (r"leadership_group", "领导小组设置"),
    (r"working_group", "工作小组设置"),
    (r"crisis_group", "心理危机干预小组设置"),
    (r"referral_channel_established", "转介绿色通道建立日期"),
    (r"warning_cases", "预警个案记录"),
    (r"groups\[\]\.joint_research_group_established", "联合心理教研组建立日期"),
]


_STAFF_BY_ROLE = re.compile(r"staff\[role=(\w+)\]")


def field_label(path: str) -> str:
    by_role = _STAFF_BY_ROLE.match(path)
    if by_role and by_role[1] in StaffRole.labels():
        return f"{StaffRole(by_role[1]).label}名单（{path}）"
    for pattern, label in _LABELS:
        if re.match(pattern, path):
            return f"{label}（{path}）"
    return path


def fields_text(paths: tuple[str, ...] | list[str]) -> str:
    return "、".join(field_label(p) for p in paths)
