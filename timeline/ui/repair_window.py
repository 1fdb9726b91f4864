"""A damaged library repaired in a window: what `timeline repair` does (repair.salvage),
its progress shown and the copy made off the GUI thread, offered where the damage is
said (at start-up, or when the open window meets it)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["repair_in_a_window"]


def _repaired_path(source: Path) -> Path:
    """A file beside source for its repaired copy, not one that exists."""
    target = source.with_name(f"{source.stem}-repaired.db")
    n = 2
    while target.exists():
        target = source.with_name(f"{source.stem}-repaired-{n}.db")
        n += 1
    return target


def repair_in_a_window(source: Path) -> Path | None:
    """repair.salvage of source into a new file beside it, its progress in a window and
    the copy off the GUI thread; the repaired library when the user chooses to open it.
    """
    import threading

    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    from timeline.store.repair import SalvageReport, salvage
    from timeline.ui.import_messages import os_failure
    from timeline.ui.plain_text import message_box
    from timeline.ui.store_messages import for_message_box

    target = _repaired_path(source)
    state: dict[str, object] = {"done": 0, "total": 1}
    outcome: list[SalvageReport | Exception] = []

    def copy() -> None:
        try:
            outcome.append(
                salvage(
                    source, target, lambda done, total, _t: state.update(done=done, total=total)
                )
            )
        except Exception as exc:  # said in the window, below
            outcome.append(exc)

    worker = threading.Thread(target=copy, name="repair", daemon=True)
    dialog = QProgressDialog(
        QCoreApplication.translate("StartUp", "Copying what can still be read…"), "", 0, 1000
    )
    dialog.setWindowTitle(QCoreApplication.translate("StartUp", "Repairing the library"))
    dialog.setCancelButton(None)  # stopped half-way, the copy would be of no use
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    waiting = QEventLoop()
    timer = QTimer()
    timer.setInterval(100)

    def look() -> None:
        if worker.is_alive():
            done, total = int(str(state["done"])), max(int(str(state["total"])), 1)
            dialog.setValue(min(999, 1000 * done // total))
            return
        timer.stop()
        waiting.quit()

    timer.timeout.connect(look)
    worker.start()
    dialog.show()
    timer.start()
    waiting.exec()
    dialog.close()
    (result,) = outcome
    if isinstance(result, Exception):
        text, values = for_message_box(
            QCoreApplication.translate("StartUp", "The library could not be repaired:\n%1"),
            # The system's reason (a full disk) in the interface's language.
            os_failure(result)
            if isinstance(result, OSError)
            else str(result) or type(result).__name__,
        )
        message_box(
            None,
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("StartUp", "News Timeline"),
            text,
            values=values,
        ).exec()
        return None
    lost = sum(result.unreadable.values()) + sum(result.refused.values())
    done_box = message_box(
        None,
        QMessageBox.Icon.Information,
        QCoreApplication.translate("StartUp", "News Timeline"),
        QCoreApplication.translate(
            "StartUp", "What could be read was copied into a new library:\n%1\n%2"
        ),
        values=[
            str(target),
            QCoreApplication.translate("StartUp", "%1 articles copied; %2 rows could not be read.")
            .replace("%1", str(result.copied.get("articles", 0)))
            .replace("%2", str(lost)),
        ],
    )
    done_box.setStandardButtons(QMessageBox.StandardButton.Close)
    open_it = done_box.addButton(
        QCoreApplication.translate("StartUp", "Open it"), QMessageBox.ButtonRole.AcceptRole
    )
    done_box.setDefaultButton(open_it)
    done_box.exec()
    return target if done_box.clickedButton() is open_it else None
