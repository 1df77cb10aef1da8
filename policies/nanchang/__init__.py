"""中共南昌市委教育工作领导小组《关于加强和改进新时代学生心理健康教育工作的实施方案》, as an mhpolicy city plugin."""
