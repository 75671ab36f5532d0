import { makeStyles } from '@material-ui/core';
import { MarkdownContent } from '@backstage/core-components';

const useStyles = makeStyles((theme) => ({
  markdown: {
    ...theme.typography.body2,
    // Long words (paths, image references, field paths) wrap instead of widening the card.
    overflowWrap: 'anywhere',
    '& p, & ul, & ol, & pre': { margin: theme.spacing(0.5, 0) },
    '& > :first-child': { marginTop: 0 },
    '& > :last-child': { marginBottom: 0 },
    '& ul, & ol': { paddingLeft: theme.spacing(2.5) },
    '& code': {
      fontFamily: 'monospace',
      fontSize: '0.92em',
      padding: '1px 4px',
      borderRadius: 3,
      backgroundColor: theme.palette.type === 'dark' ? 'rgba(255, 255, 255, 0.08)' : 'rgba(0, 0, 0, 0.06)',
    },
    // Code blocks (a CodeSnippet for fenced blocks with a language, <pre> otherwise): scroll, never wrap YAML.
    '& pre': {
      overflowX: 'auto',
      overflowWrap: 'normal',
      fontSize: '0.85rem',
      borderRadius: 4,
    },
    '& pre code': { padding: 0, backgroundColor: 'transparent', fontSize: 'inherit' },
  },
  body1: { ...theme.typography.body1 },
}));

/**
 * A finding's message or remediation, which are Markdown: inline code, links and fenced code blocks
 * (highlighted by Backstage's CodeSnippet). CommonMark, so raw HTML in a message (`<pid>`, an image
 * reference with `<digest>`) is shown as the text it is instead of being dropped as an unknown tag.
 */
export function MarkdownText(props: { content: string; variant?: 'body1' | 'body2' }) {
  const classes = useStyles();
  const className = props.variant === 'body1' ? `${classes.markdown} ${classes.body1}` : classes.markdown;
  return <MarkdownContent content={props.content} dialect="common-mark" className={className} />;
}
