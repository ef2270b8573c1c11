// Keeps a rendering failure on hostile chart contents inside the browser: the verdict card
// and the rest of the page stay up, the failure is named. (React still logs it.)
import { Component, type ReactNode } from 'react';

interface State {
  error: string | null;
}

export class BrowseBoundary extends Component<{ children: ReactNode; what: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(e: unknown): State {
    return { error: e instanceof Error ? e.message : String(e) };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <p role="alert" data-testid="browse-error">
        The {this.props.what} cannot be shown: {this.state.error}
      </p>
    );
  }
}
