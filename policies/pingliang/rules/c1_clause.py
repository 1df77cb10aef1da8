"""一、指导思想

《平凉市全面加强和改进新时代学生心理健康工作专项行动方案（2023—2025年）》一、指导思想. Rename this module to c1_<topic>.py (and in rules/__init__.py)
once the clause is read; add one module per further clause.

Put each dated `Parameter` and each `Requirement` of the clause here under a comment quoting
the sentence it implements (verbatim, from source.txt), and every sentence not modelled in
`UNMODELLED` with the reason. Nothing is declared yet: the city loads and checks with no
findings until then.
"""

from __future__ import annotations

from mhpolicy.core.rules.parameters import Parameter
from mhpolicy.core.rules.requirement import ClauseNote, Requirement

PARAMETERS: list[Parameter] = []
REQUIREMENTS: list[Requirement] = []
UNMODELLED: list[ClauseNote] = []
