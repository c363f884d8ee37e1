"""A tour of the exercise catalogue: find stretches for a tight chest.

Run: python examples/catalogue_tour.py
"""

from __future__ import annotations

import routines


def main() -> None:
    catalogue = routines.load_catalogue()
    print(f"{len(catalogue)} exercises in the catalogue\n")
    print("Stretches for a tight chest (pec minor), doable at home:")
    for exercise in catalogue.filter(
        modality="static_stretch", muscle="pec_minor", equipment=[], level="beginner"
    ):
        dose = exercise.dosage_for(routines.Level.BEGINNER)
        side = " each side" if exercise.per_side else ""
        print(f"  - {exercise.name}: {dose.sets} x {dose.hold_s} s{side}")
    row = catalogue.get("band-row")
    print(f"\nHarder than {row.name}: {', '.join(row.progressions)}")


if __name__ == "__main__":
    main()
