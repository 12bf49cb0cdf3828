/** A banner on every screen while any system is down (DT-1). Main pushes each change. */
import { useEffect, useState } from 'react';
import type { EventPayload } from '../../shared/contract';
import { bridge } from '../api/bridge';

export function DowntimeBanner() {
  const [down, setDown] = useState<EventPayload<'downtime:changed'>>([]);
  useEffect(() => {
    const off = bridge.on('downtime:changed', setDown);
    void bridge.api.downtime.current({}).then((result) => result.ok && setDown(result.value));
    return off;
  }, []);
  if (down.length === 0) return null;
  return (
    <div className="downtime-banner" role="region" aria-label="Systems down">
      <strong>Down now:</strong> {down.map((s) => `${s.systemName} (${s.severity})`).join(', ')}. Work
      continues; what cannot be keyed in waits on the <a href="#/downtime">Downtime</a> screen.
    </div>
  );
}
