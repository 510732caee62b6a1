import { useEffect, useState } from 'react';
import type { Credits } from '../../../../shared/contract/providers.ts';
import { useApi } from '../../app/services.tsx';
import './providers.css';

const amount = (value: number) => value.toLocaleString(undefined, { maximumFractionDigits: 2 });

/** The default provider's account balance, where it reports one (evolink: GET /v1/credits). */
export function Balance() {
  const api = useApi();
  const [credits, setCredits] = useState<Credits | null>(null);
  useEffect(() => {
    let live = true;
    void api.providers.credits().then((result) => live && result.ok && setCredits(result.value));
    return () => {
      live = false;
    };
  }, [api]);
  if (!credits?.available) return null;
  return (
    <p className="balance">
      Account balance: <strong>{amount(credits.balance)} {credits.currency}</strong>
      {credits.tokenBalance !== undefined && !credits.unlimited && <> (this token: {amount(credits.tokenBalance)})</>}
    </p>
  );
}
