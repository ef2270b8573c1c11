// One Chart.yaml annotation, as chart-fields.ts reads it: Artifact Hub's changelog, images and
// links as lists, its signKey as fingerprint and URL, anything else as written (line breaks
// kept). URLs are shown as text, like every URL in the summary: nothing here leads away.
import type { AnnotationView, Link } from './chart-fields';

function LinkText({ link }: { link: Link }) {
  return (
    <>
      {link.name}
      {link.name && link.url ? ' ' : null}
      {link.url ? <span className="mono url">{link.url}</span> : null}
    </>
  );
}

export function Annotation({ view }: { view: AnnotationView }) {
  switch (view.kind) {
    case 'changes':
      return (
        <ul className="changelog" data-testid="changelog">
          {view.items.map((c, i) => (
            <li key={i}>
              {c.kind ? <span className="tag">{c.kind}</span> : null} {c.description}
              {c.links.length ? (
                <ul>
                  {c.links.map((l, j) => (
                    <li key={j}>
                      <LinkText link={l} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      );
    case 'images':
      return (
        <ul className="images" data-testid="images">
          {view.items.map((im, i) => (
            <li key={i}>
              {im.name ? <>{im.name}: </> : null}
              {im.image ? <span className="mono">{im.image}</span> : null}
              {im.whitelisted ? (
                <>
                  {' '}
                  <span className="tag">whitelisted</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      );
    case 'links':
      return (
        <ul className="links">
          {view.items.map((l, i) => (
            <li key={i}>
              <LinkText link={l} />
            </li>
          ))}
        </ul>
      );
    case 'signKey':
      return (
        <dl className="sign-key" data-testid="sign-key">
          {view.fingerprint !== null ? (
            <>
              <dt>fingerprint</dt>
              <dd className="mono">{view.fingerprint}</dd>
            </>
          ) : null}
          {view.url !== null ? (
            <>
              <dt>url</dt>
              <dd className="mono url">{view.url}</dd>
            </>
          ) : null}
        </dl>
      );
    case 'text':
      return <span className="as-written">{view.text}</span>;
  }
}
