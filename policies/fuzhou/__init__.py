"""福州市学校心理健康教育行动计划, as an mhpolicy city plugin."""
