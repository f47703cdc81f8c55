"""An attacker that sees only what the app releases, for the auditor test (issue #11).

Nothing here imports the app's disclosure code (condities.scores, condities.selectors,
condities.disclosure): the figures come from HTTP responses, the truth from the scenario that the
test itself played.
"""
