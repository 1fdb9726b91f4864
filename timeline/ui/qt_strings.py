"""Qt's own strings that its Arabic catalogue (qtbase_ar.qm) leaves in English.

Qt's dialogs ask their strings of every translator installed; ours (timeline_ar.qm)
answers these, which pyside6-lupdate reads from here under Qt's own contexts.  Qt 6
gave the file dialog's labels mnemonics ("&Look in:"), and its catalogue still holds
them without; the print dialog's page set and two-sided printing never had Arabic.
tests/ui/test_translations.py opens the dialogs the window opens, in Arabic, and
lists any string of theirs that nobody translates.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    # Asked as "Folder" for "All other platforms": found without that comment too.
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Pages"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Double Sided Printing"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Off"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Long side binding"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Short side binding"),
    # One literal: lupdate does not join adjacent ones.
    QT_TRANSLATE_NOOP(
        "QPrintSettingsOutput",
        "Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.",
    ),
)
