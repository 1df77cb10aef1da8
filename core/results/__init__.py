"""What a check concludes: one finding per requirement, subject and period (`findings`) and the
statuses they take, with their roll-up order (`status`)."""
