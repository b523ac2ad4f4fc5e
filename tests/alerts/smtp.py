"""A real SMTP server's side for the tests (aiosmtpd): what it received, and refusals on demand."""

from __future__ import annotations

import socket
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.smtp import Envelope


class Mailbox:
    """An SMTP handler that keeps what it receives and can refuse the next recipients."""

    def __init__(self) -> None:
        self.messages: list[Envelope] = []
        self.refuse_next = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_next:
            self.refuse_next -= 1
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def parse(envelope: Envelope) -> EmailMessage:
    message = message_from_bytes(envelope.original_content, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message
