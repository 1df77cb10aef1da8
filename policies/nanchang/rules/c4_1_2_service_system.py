"""四(一)2 构建“市县（区）校家”四级心理服务体系

中共南昌市委教育工作领导小组(2024) 1 号《关于加强和改进新时代学生心理健康教育工作的实施方案》四、重点任务（一）2.构建“市县（区）校家”四级心理服务体系。

No feature file: nothing in this clause is modelled; the notes below say why.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = [
    ClauseNote("四(一)2", "“市县（区）校家”四级心理服务体系、全员导师制",
               "体系建设由市教育局统筹；县级辅导站、辅导室、导师制分别由四(四)12、四(二)5、四(三)11各条判定"),
]
