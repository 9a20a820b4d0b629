"""aiosmtpd handler behind tests/support/smtp-sink.ts: keeps every message, envelope included, as a file a test reads back."""
import base64
import itertools
import json
import os


class FolderSink:
    def __init__(self, folder):
        self.folder = folder
        self.numbers = itertools.count(1)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error('FolderSink takes one argument: the folder to write messages into')
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        path = os.path.join(self.folder, '%06d.json' % next(self.numbers))
        received = {
            'from': envelope.mail_from,
            'to': envelope.rcpt_tos,
            # base64 keeps the exact bytes, whatever charset or 8-bit content the message has.
            'raw': base64.b64encode(envelope.original_content).decode('ascii'),
        }
        # Renamed into place so a reader never sees a half-written message.
        with open(path + '.part', 'w') as file:
            json.dump(received, file)
        os.replace(path + '.part', path)
        return '250 Message accepted'
