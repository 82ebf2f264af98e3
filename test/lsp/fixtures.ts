/** Models the language-server tests write into temporary workspace folders. */

export const SITES = `// where things run
region capital "Seoul Capital Area"

site pangyo "SK C&C Pangyo" in capital {
  recovery 10h
  availability 99.95%
}

site ansan "Kakao Ansan" in capital

infra pangyo-power "UPS and batteries" in pangyo {
  kind power
}
`;

export const SERVICES = `import "sites.topo"

service auth "Kakao Account" {
  runs on pangyo (30)
  tier critical
}
`;

/** auth spread over both sites: talk's nearest SPOF moves from pangyo to the region */
export const SERVICES_SPREAD = `import "sites.topo"

service auth "Kakao Account" {
  runs on pangyo (30), ansan (30)
  tier critical
}
`;

export const MAIN = `import "services.topo"

service talk "KakaoTalk" {
  runs on pangyo (200), ansan (40)
  depends on auth
  users 43.2M
  tier critical
}

datastore messages {
  runs on pangyo, ansan
  replication async
}

service status "Status page" {
  runs on pangyo
  monitors talk
}
`;

/** names only `auth`: everything else it depends on comes through services.topo */
export const APP = `import "services.topo"

service portal {
  depends on auth
}
`;

export const BROKEN = `import "services.topo"

service portal {
  depends on auth, nothing-here
}

service feed {
  depends on auth
}
`;
