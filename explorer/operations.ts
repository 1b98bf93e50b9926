// The explorer's preloaded tabs: example operations on the seed case, each runnable as it
// stands (tests/explorer.test.ts validates every one against schema.graphql).

export interface ExampleTab {
  query: string;
  variables?: string;
  headers?: string;
}

/** Claim 1 found by its wording, since global IDs are opaque and differ per database. */
export const CLAIM_1_WITH_PROVENANCE = `# Welcome to the claimtrail explorer. Press the run
# button (or Ctrl-Enter) to run this query; the tabs
# above hold more examples. The book icon on the left
# opens the schema's docs; Ctrl-Space completes.
#
# Claim 1 of the seed case, found by its wording (IDs
# are opaque and differ per database), with every
# statement on it: who took which stance, in which
# words, in which source, and the chain of relays from
# the speaker to the outlet; then the evidence, and
# every actor in its provenance.
query Claim1WithProvenance {
  searchClaims(query: "\\"supplies ammunition\\"", first: 1) {
    nodes {
      id
      text
      status
      statements {
        stance
        quote
        actor {
          name
        }
        source {
          title
          publisher {
            name
          }
        }
        attribution {
          relation
          actor {
            name
          }
        }
      }
      evidence {
        direction
        kind
        summary
        actor {
          name
        }
        attribution {
          relation
          actor {
            name
          }
        }
      }
      provenance {
        truncated
        actors {
          actor {
            name
          }
          roles
        }
      }
    }
  }
}
`;

export const SEARCH = `# Full-text search, in web-search syntax: all words
# must match, "quoted phrases", or, -excluded. Best
# match first, with snippets saying where it matched.
query Search {
  searchClaims(query: "\\"new era\\" or absurd", filter: { language: "en" }, first: 10) {
    totalCount
    edges {
      rank
      node {
        text
        status
      }
      highlights {
        field
        snippet
        statement {
          actor {
            name
          }
        }
      }
    }
  }
}
`;

export const DISPUTED_DASHBOARD = `# A dashboard list: disputed claims on a topic, most
# disputed first, 20 to a page. For the next page,
# pass after: "<pageInfo.endCursor>".
query DisputedClaims {
  claims(
    first: 20
    filter: { status: [DISPUTED], topic: "north-korea" }
    orderBy: { field: DISPUTE, direction: DESC }
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      text
      status
      statementCount
      updatedAt
      latestVerdict {
        rating
      }
    }
  }
}
`;

export const RECORD_STATEMENT = `# Writing needs an API key. Create one with
#   npm run -s cli -- keys create --name me --role EDITOR
# and put it in the Headers tab below in place of <key>;
# put claim 1's id (from the first tab's answer) in the
# Variables tab, and run.
mutation RecordStatement($input: RecordStatementInput!) {
  recordStatement(input: $input) {
    statement {
      stance
      paraphrase
      actor {
        name
        kind
      }
      source {
        url
        title
        publisher {
          name
        }
      }
      attribution {
        position
        relation
        actor {
          name
        }
        source {
          url
        }
      }
    }
    claim {
      status
      statementCount
    }
    userErrors {
      field
      message
      code
    }
  }
}
`;

export const RECORD_STATEMENT_VARIABLES = `{
  "input": {
    "claimId": "<claim 1's id, from the first tab>",
    "stance": "QUESTIONS",
    "paraphrase": "Said the shipments had not been independently verified.",
    "actor": { "name": "Jane Example", "kind": "PERSON", "description": "Illustrative analyst" },
    "source": {
      "url": "https://news.example.org/2024/06/20/summit",
      "title": "What the Pyongyang summit changes",
      "publisher": { "name": "Example News", "kind": "MEDIA_OUTLET" }
    },
    "via": [{ "relation": "TOLD", "actor": { "name": "Example Wire", "kind": "MEDIA_OUTLET" } }]
  }
}
`;

export const RECORD_STATEMENT_HEADERS = `{
  "Authorization": "Bearer <key>"
}
`;

export const CLAIM_EVENTS = `# Live updates: every change to the seed case's claims
# (topic north-korea) as it is committed, on any server
# instance. Run it, then run the RecordStatement tab: the
# new statement shows up here. After a reconnect, pass
# the last event's cursor as after: "<cursor>" to get every event
# missed meanwhile, then live ones.
subscription ClaimEvents {
  claimEvents(filter: { topics: ["north-korea"] }) {
    cursor
    type
    occurredAt
    claim {
      text
      status
      statementCount
    }
    statement {
      stance
      quote
      paraphrase
      actor {
        name
      }
    }
    evidence {
      direction
      summary
    }
    verdict {
      rating
      conclusion
    }
    changedBy
  }
}
`;

export const EXAMPLE_TABS: ExampleTab[] = [
  { query: CLAIM_1_WITH_PROVENANCE },
  { query: SEARCH },
  { query: DISPUTED_DASHBOARD },
  { query: RECORD_STATEMENT, variables: RECORD_STATEMENT_VARIABLES, headers: RECORD_STATEMENT_HEADERS },
  { query: CLAIM_EVENTS },
];
