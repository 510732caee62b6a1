import { useState } from 'react';
import { SIGN_IN_PATH, signOutOfBrowser } from '../../api/browserSession.ts';

/** Browser mode only: ends this browser's session on the server (its secret and cookie stop
 *  working); opening the address from the terminal signs it in again. */
export function SignOutButton() {
  const [failed, setFailed] = useState(false);
  if (window.parley) return null;
  return (
    <>
      <button
        type="button"
        className="button button--quiet sidebar-footer-button sidebar__sign-out"
        onClick={() => {
          setFailed(false);
          void signOutOfBrowser().then((done) => {
            if (done) location.replace(SIGN_IN_PATH);
            else setFailed(true);
          });
        }}
      >
        Sign out of this browser
      </button>
      {failed && (
        <p role="alert" className="sidebar__sign-out-error">
          Could not sign out: Parley did not answer. Try again.
        </p>
      )}
    </>
  );
}
