// The Node reference serves the bench model unchanged (single source: ../../srv/bench-service.cds)
// and only adds where its implementation lives.
using { BenchService } from '../../srv/bench-service';

annotate BenchService with @impl: 'srv/bench-handler.js';
