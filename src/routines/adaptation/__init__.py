"""The adaptation layer: the coming sessions of a plan changed to follow its log.

It knows the adaptation rules (pure functions, thresholds from
``routines._safety``), the replay of a log against the plan as first planned,
and the report of what changed. It reads the plan, the log and the planning
layer's dose and balance rules; it never imports ``exporters``.
"""
