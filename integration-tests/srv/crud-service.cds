using { cdswebsocket.it as db } from '../db/schema';

/** Entity CRUD over websockets: `<Entity>:create|read|readDeep|update|delete|list|<bound op>`. */
@protocol: 'websocket'
@path    : 'crud'
service CrudService {

  /** Default broadcast content: the key. */
  @cds.redirection.target
  entity Headers as projection on db.Headers actions {
    action   boundAction(text : String) returns String;
    function boundFunction(num : Integer) returns String;
    /** Declares a parameter named like CAP's bound-target key: it must never replace the target. */
    action   target(@cds.java.name: 'cqnText' cqn : String) returns String;
  };

  /** At most 3 items per expanded header (readDeep). */
  @cds.query.limit.max: 3
  entity HeaderItems as projection on db.HeaderItems;

  /** Only admins read these; broadcasts would carry the whole row. */
  @requires: 'admin'
  @ws.broadcast: 'data'
  entity DataSecrets as projection on db.Secrets;

  /** Everybody reads only own rows (instance-based READ): broadcasts are for nobody. */
  @restrict: [{ grant: '*', to: 'authenticated-user', where: 'createdBy = $user' }]
  @ws.broadcast: 'data'
  @ws.broadcast.all: true
  entity PrivateHeaders as projection on db.Headers;

  /** Paged like OData: 2 rows unless $top says otherwise, at most 3. */
  @cds.query.limit: { default: 2, max: 3 }
  entity PagedHeaders as projection on db.Headers;

  /** Broadcasts carry the whole row and reach the sender too. */
  @ws.broadcast    : 'data'
  @ws.broadcast.all: true
  entity DataHeaders as projection on db.Headers;

  /** No broadcasts at all. */
  @websocket.broadcast.content: 'none'
  entity SilentHeaders as projection on db.Headers;

  /** An unknown content value falls back to the key. */
  @ws.broadcast.content: 'everything'
  entity OddHeaders as projection on db.Headers;

  /** Broadcast modelled as service event: its elements decide the content. */
  entity EventHeaders as projection on db.Headers;

  event EventHeaders.created {
    ID    : UUID;
    stock : Integer;
  }

  /** Its filter annotations apply: only sockets in context `watchers` hear of deletions. */
  @ws.context: 'watchers'
  event EventHeaders.deleted {
    ID : UUID;
  }

  @readonly
  entity ReadonlyHeaders as projection on db.Headers;

  /** Everybody reads; only the creator changes a row (instance-based). */
  @restrict: [
    { grant: ['READ', 'CREATE'], to: 'authenticated-user' },
    { grant: ['UPDATE', 'DELETE', 'rename'], to: 'authenticated-user', where: 'createdBy = $user' }
  ]
  entity OwnHeaders as projection on db.Headers actions {
    action rename(name : String) returns String;
  };

  @requires: 'admin'
  entity Secrets as projection on db.Secrets;

  @odata.draft.enabled
  entity Notes as projection on db.Notes;
}
