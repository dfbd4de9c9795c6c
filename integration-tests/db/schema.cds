namespace cdswebsocket.it;

using { cuid, managed } from '@sap/cds/common';

/** An order header with composed items: the entity with a composition for CRUD tests. */
entity Headers : cuid, managed {
  name        : String(100) @mandatory;
  description : String(200);
  stock       : Integer @assert.range: [0, 1000];
  price       : Decimal(10, 2);
  Items       : Composition of many HeaderItems on Items.header = $self;
}

entity HeaderItems : cuid {
  header : Association to Headers;
  name   : String(100);
}

/** Only admins may touch these. */
entity Secrets : cuid {
  value : String(100);
}

/** A draft-enabled entity for the websocket CRUD tests (draft flow stays with OData). */
entity Notes : cuid {
  text : String(100);
}

/** Rows created over OData in the mixin tests; their creation is announced on websockets. */
entity Memos : cuid {
  text : String(100);
}
