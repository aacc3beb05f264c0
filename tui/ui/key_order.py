"""Keys handled one at a time, in order: each waits until the app has finished with the last.

Textual hands a key to the focused widget's queue and moves straight on to the next key, while
screen bindings run only when the key has bubbled back up to the App's queue, behind the rest
of a burst. So keys that arrive together (a paste, SSH latency, fast typing) were checked
against a screen that was not mounted yet, or a Ctrl+S ran before the text typed ahead of it
was in the editor. The sequencer holds such keys and releases each one only once every message
the previous one caused has been handled.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import Any
from weakref import WeakSet

from textual import events
from textual._queue import Queue
from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen

SETTLE_LIMIT = 15.0
"""Seconds to wait for busy widgets before giving up on them. A safety net: on a machine under
heavy load start-up alone can take seconds, and a key released early is a key lost. A widget
that does not answer within this is left out from then on, so it cannot slow every key."""

MAX_PASSES = 50
"""Passes over the widgets before a key is released regardless (messages that keep causing
messages, such as a running animation, must not hold keys back for ever)."""

Held = events.Key | events.Paste


class KeySequencer:
    """Holds input that arrives in a burst and releases it in order once the app is idle."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.pending: deque[Held] = deque()
        self.releasing: Held | None = None
        self.task: asyncio.Task[None] | None = None
        self.stuck: WeakSet[MessagePump] = WeakSet()
        """Pumps that did not answer within SETTLE_LIMIT: no longer waited for."""

    def hold(self, event: events.Event) -> bool:
        """Take a key or paste from the terminal to release later; False lets it through now."""
        if not isinstance(event, Held) or event.is_forwarded:
            return False
        if event is self.releasing:
            self.releasing = None
            return False
        self.pending.append(event)
        if self.task is None or self.task.done():
            self.task = asyncio.create_task(self._release_all())
        return True

    def stop(self) -> None:
        """Drop whatever is still held (the app is closing)."""
        self.pending.clear()
        if self.task is not None:
            self.task.cancel()

    async def _release_all(self) -> None:
        """Release held input one event at a time, each after the last has settled."""
        while self.pending:
            await self.settle()
            event = self.pending.popleft()
            self.releasing = event
            if not self.app.post_message(event):
                self.pending.clear()
                return

    async def settle(self) -> None:
        """Wait until the App and every widget of every screen sit idle, waiting for a message."""
        for _ in range(MAX_PASSES):
            busy = [pump for pump in self._pumps() if not _idle(pump)]
            if not busy:
                return
            silent = await _drain(busy)
            if silent:
                self.stuck.update(silent)
                return

    def _pumps(self) -> list[MessagePump]:
        """The App, its screens and their widgets, still open."""
        pumps: list[MessagePump] = [self.app]
        for screen in self.app.screen_stack:
            pumps.extend(screen.walk_children(with_self=True))
        return [p for p in pumps if not (p._closing or p._closed or p in self.stuck)]


def _idle(pump: MessagePump) -> bool:
    """Whether a pump has nothing queued, nothing to run after the next repaint, and is
    blocked waiting for its next message."""
    if _after_refresh(pump):
        return False
    queue: Queue[Message | None] = pump._message_queue
    # Textual's queue waits on an asyncio.Event: a waiter on it means the pump is parked.
    return queue.empty() and bool(getattr(queue.ready_event, "_waiters", None))


def _after_refresh(pump: MessagePump) -> bool:
    """Whether a screen holds callbacks that run once it has been repainted."""
    return isinstance(pump, Screen) and bool(pump._callbacks)


async def _drain(pumps: list[MessagePump]) -> list[MessagePump]:
    """Wait until each pump has handled what it had queued; returns those that had not
    answered after SETTLE_LIMIT seconds."""
    waiting = set(range(len(pumps)))
    done = asyncio.Event()

    def handled(index: int) -> None:
        waiting.discard(index)
        if not waiting:
            done.set()

    for index, pump in enumerate(pumps):
        call = pump.call_after_refresh if _after_refresh(pump) else pump.call_later
        if not call(handled, index):
            handled(index)
    try:
        await asyncio.wait_for(done.wait(), SETTLE_LIMIT)
    except TimeoutError:
        return [pumps[index] for index in waiting]
    return []
