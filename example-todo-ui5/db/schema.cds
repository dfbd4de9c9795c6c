namespace cdswebsocket.todo;

using { cuid, managed } from '@sap/cds/common';

/** One thing to do; `createdBy`/`modifiedBy` tell who added or last changed it. */
entity Todos : cuid, managed {
  title : String(200) @mandatory;
  done  : Boolean default false;
}
