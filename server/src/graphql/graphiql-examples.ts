/** The query GraphiQL opens with in development: the questions of the seed story. */
export const EXAMPLE_QUERY = `# How is Kaspersky Lab connected to Europol?
query Paths {
  paths(from: "kaspersky-lab", to: "europol", maxLength: 3) {
    length
    edges { type label since status from { name } to { name } evidence { quote source { title url } } }
  }
}

# Who restricted Kaspersky, and when?
query Restrictions {
  neighborhood(ids: ["kaspersky-lab"], relationshipTypes: [RESTRICTS]) {
    edges { from { name } measure since status evidence { quote source { url } } }
  }
}

# What held between Kaspersky and No More Ransom on 2017-01-01? Try 2019-01-01 too.
query AsOf {
  neighborhood(ids: ["kaspersky-lab"], asOf: "2017-01-01", limit: 50) {
    edges { type status since from { id } to { id } }
  }
}

# What changed around Kaspersky between 2017 and 2019: bans, calls for one, freezes.
query Changes {
  changes(ids: ["kaspersky-lab"], from: "2017-01-01", to: "2019-01-01") {
    date kind fromStatus toStatus
    relationship { label from { name } to { name } }
  }
}

# How Kaspersky's cooperation with Europol changed over time, with the evidence for each phase.
query History {
  relationship(id: "kaspersky-lab-cooperates-with-europol") {
    since until
    history { status since until note dataset evidence { quote source { title url } } }
  }
}

query Search {
  search(text: "Kaspersy") { score entity { id name kind } }
}

# Entities that may be Kaspersky Lab under another name (its US subsidiary, for one), and why.
query Duplicates {
  duplicateCandidates(id: "kaspersky-lab") { score certain reasons entity { id name country } }
}

# Who brokers between the others, as the measures job last computed it (npm run measures).
query WhoMatters {
  ranking(measure: BETWEENNESS, first: 10) { value community entity { id name kind } }
}

# A story told with the graph: each step a saved view with its caption and evidence.
query Story {
  story(id: "kaspersky-and-the-eu") {
    title summary
    steps { title asOf entities highlight caption evidence { quote source { title url } } }
  }
}

# Where the data comes from, and under which licence.
query Datasets {
  datasets { id title version license description }
}
`;
