import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import { spherePoint } from '../domain';
import type { PublicProfileRow } from '../repository-directory';
import type { LinkedOrganisation } from '../repository-members';
import { kindLabel, organisationsBase, Paragraphs, sphereLabel, telHref, webHref } from './common';

function Contact(props: { ctx: PageContext; o: PublicProfileRow }) {
  const { ctx, o } = props;
  const { t } = ctx.i18n;
  const website = webHref(o.website);
  const social = o.social_links.map(webHref).filter((u): u is string => u !== null);
  const address = [o.street, [o.postal_code, o.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const hasAddress = Boolean(o.street || o.postal_code);
  if (!o.email && !o.phone && !hasAddress && !website && social.length === 0) return <p>{t('organisations.profile.no_contact')}</p>;
  return (
    <dl class="facts organisation-facts">
      {hasAddress ? (
        <>
          <dt>{t('organisations.profile.address')}</dt>
          <dd>{address}</dd>
        </>
      ) : null}
      {o.email ? (
        <>
          <dt>{t('organisations.profile.email')}</dt>
          <dd>
            <a href={`mailto:${o.email}`}>{o.email}</a>
          </dd>
        </>
      ) : null}
      {o.phone ? (
        <>
          <dt>{t('organisations.profile.phone')}</dt>
          <dd>
            <a href={telHref(o.phone)}>{o.phone}</a>
          </dd>
        </>
      ) : null}
      {website ? (
        <>
          <dt>{t('organisations.profile.website')}</dt>
          <dd>
            <a href={website}>{website}</a>
          </dd>
        </>
      ) : null}
      {social.length ? (
        <>
          <dt>{t('organisations.profile.social')}</dt>
          <dd>
            <ul class="links">
              {social.map((u) => (
                <li>
                  <a href={u}>{u}</a>
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function Linked(props: { ctx: PageContext; list: LinkedOrganisation[]; empty: string }) {
  const { ctx } = props;
  if (props.list.length === 0) return <p>{props.empty}</p>;
  return (
    <ul>
      {props.list.map((f) => (
        <li>
          <a href={`${organisationsBase(ctx)}/${f.id}`}>{f.name}</a> — {ctx.i18n.t('organisations.profile.since', { date: ctx.i18n.date(f.since) })}
        </li>
      ))}
    </ul>
  );
}

/** A verified organisation's public profile: what it does, how to reach it (as it chose), and its cooperation so far. */
export function ProfilePage(props: { ctx: PageContext; organisation: PublicProfileRow; federations: LinkedOrganisation[]; members: LinkedOrganisation[] }) {
  const { ctx, organisation: o } = props;
  const { t } = ctx.i18n;
  const number = (n: number | null) => (n === null ? null : new Intl.NumberFormat(ctx.i18n.locale === 'pl' ? 'pl-PL' : 'en-GB').format(n));
  const facts: [string, string | null][] = [
    [t('organisations.profile.kind'), kindLabel(ctx, o.kind)],
    [t('organisations.profile.founded'), o.founded_year === null ? null : String(o.founded_year)],
    [t('organisations.profile.members'), number(o.members_count)],
    [t('organisations.profile.volunteers'), number(o.volunteers_count)],
    [t('organisations.profile.krs'), o.krs],
    [t('organisations.profile.nip'), o.nip],
    [t('organisations.profile.regon'), o.regon],
  ];
  return (
    <Layout ctx={ctx} title={o.name}>
      <p class="admin-back">
        <a href={organisationsBase(ctx)}>{t('organisations.profile.back')}</a>
      </p>
      <h1>{o.name}</h1>
      <p class="lead">
        {kindLabel(ctx, o.kind)}
        {o.city ? `, ${o.city}` : ''}
      </p>
      {o.kind === 'informal_group' ? <p>{t('organisations.profile.informal')}</p> : null}

      <h2>{t('organisations.profile.about')}</h2>
      {o.description ? <Paragraphs text={o.description} /> : <p>{t('organisations.profile.no_description')}</p>}

      <h2>{t('organisations.profile.spheres')}</h2>
      <ul>
        {o.spheres.map((s) => (
          <li>
            {sphereLabel(ctx, s)} <span class="muted">({t('organisations.profile.point', { point: spherePoint(s) })})</span>
          </li>
        ))}
      </ul>

      <h2>{t('organisations.profile.facts')}</h2>
      <dl class="facts organisation-facts">
        {facts
          .filter(([, v]) => v !== null)
          .map(([label, value]) => (
            <>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </>
          ))}
      </dl>

      <h2>{t('organisations.profile.contact')}</h2>
      <Contact ctx={ctx} o={o} />

      <h2>{t('organisations.profile.history')}</h2>
      <p>{t('organisations.profile.in_registry', { date: ctx.i18n.date(o.verified_at) })}</p>
      <h3>{t('organisations.profile.federations')}</h3>
      <Linked ctx={ctx} list={props.federations} empty={t('organisations.profile.no_federations')} />
      {o.kind === 'federation' ? (
        <>
          <h3>{t('organisations.profile.member_organisations')}</h3>
          <Linked ctx={ctx} list={props.members} empty={t('organisations.profile.no_member_organisations')} />
        </>
      ) : null}
    </Layout>
  );
}
