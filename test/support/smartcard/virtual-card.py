#!/usr/bin/python3
"""A virtual smartcard for Gatehouse's tests, played to pcscd's vpcd driver by vsmartcard's vicc.

  /usr/bin/python3 virtual-card.py --port 35963 --spec card.json

card.json: {"atr": "3BF9...", "files": [{"aid": "A000...", "dfId": "5000", "efId": "C000", "hex": "3082..."}]}

Debian's python3-virtualsmartcard 3.3 needs three things put right, all done here rather than on the
machine: its package sits one folder deeper than Python looks; it imports the Python 2 module `sha`;
and its TLV packer fails on bytes under Python 3, which kills it on any SELECT that asks for the FCP.
"""
import argparse
import hashlib
import json
import sys
import types

sys.path.insert(0, '/usr/lib/python3/site-packages/virtualsmartcard')
sha = types.ModuleType('sha')
sha.new = lambda data=b'': hashlib.sha1(data)
sha.digest_size = 20
sys.modules['sha'] = sha

import virtualsmartcard.TLVutils as tlv  # noqa: E402
from virtualsmartcard.ConstantDefinitions import FDB  # noqa: E402
from virtualsmartcard.SmartcardFilesystem import DF, MF, TransparentStructureEF  # noqa: E402
from virtualsmartcard.SmartcardSAM import SAM  # noqa: E402
from virtualsmartcard.VirtualSmartcard import Iso7816OS, VirtualICC  # noqa: E402


def pack(items, recalculate_length=False):
    """TLV encoding that works on bytes (the packaged one joins bytes with a str)."""
    out = b''
    for item in items:
        tag, length, value = item[:3]
        if tag in (0x00, 0xFF):
            out += bytes([tag])
            continue
        if not isinstance(value, bytes):
            value = pack(value, recalculate_length)
        if recalculate_length:
            length = len(value)
        tag_bytes = tag.to_bytes((tag.bit_length() + 7) // 8 or 1, 'big')
        if length < 0x80:
            length_bytes = bytes([length])
        else:
            raw = length.to_bytes((length.bit_length() + 7) // 8, 'big')
            length_bytes = bytes([0x80 | len(raw)]) + raw
        out += tag_bytes + length_bytes + value
    return out


original = tlv.pack
for module in list(sys.modules.values()):
    if getattr(module, 'pack', None) is original:
        module.pack = pack


def build(spec):
    mf = MF(filedescriptor=FDB['DF'])
    sam = SAM(b'1234', b'1234567890')
    sam.set_MF(mf)
    dfs = {}
    for f in spec.get('files', []):
        df_id = int(f['dfId'], 16)
        if df_id not in dfs:
            dfs[df_id] = DF(parent=mf, fid=df_id, dfname=bytes.fromhex(f['aid']) if f.get('aid') else None)
            mf.append(dfs[df_id])
        df = dfs[df_id]
        df.append(TransparentStructureEF(parent=df, fid=int(f['efId'], 16), data=bytes.fromhex(f['hex'])))
    return mf, sam


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--spec', required=True)
    parser.add_argument('--port', type=int, default=35963)
    args = parser.parse_args()
    with open(args.spec) as handle:
        spec = json.load(handle)
    mf, sam = build(spec)
    card = VirtualICC(None, 'iso7816', 'localhost', args.port)
    card.os = Iso7816OS(mf, sam)
    if spec.get('atr'):
        card.os.atr = bytes.fromhex(spec['atr'])
    print('virtual card ready', flush=True)
    try:
        card.run()
    except KeyboardInterrupt:
        pass


if __name__ == '__main__':
    main()
