"""新乡市《新乡市未成年人心理健康三级辅导体系建设专项行动计划（2024-2025年）》, as an mhpolicy city plugin."""
