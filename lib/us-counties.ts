// US states and, for a few of them, their counties ("State/Province" shows a County drop-down for these).
// Only complete lists are shipped: a partial list would refuse real addresses. States not listed here take no
// county. Source: US Census Bureau county list (2020).

export const US_COUNTIES: Record<string, readonly string[]> = {
  CT: ["Fairfield", "Hartford", "Litchfield", "Middlesex", "New Haven", "New London", "Tolland", "Windham"],
  DE: ["Kent", "New Castle", "Sussex"],
  HI: ["Hawaii", "Honolulu", "Kalawao", "Kauai", "Maui"],
  MA: ["Barnstable", "Berkshire", "Bristol", "Dukes", "Essex", "Franklin", "Hampden", "Hampshire", "Middlesex", "Nantucket", "Norfolk", "Plymouth", "Suffolk", "Worcester"],
  NH: ["Belknap", "Carroll", "Cheshire", "Coos", "Grafton", "Hillsborough", "Merrimack", "Rockingham", "Strafford", "Sullivan"],
  NJ: [
    "Atlantic", "Bergen", "Burlington", "Camden", "Cape May", "Cumberland", "Essex", "Gloucester", "Hudson", "Hunterdon", "Mercer",
    "Middlesex", "Monmouth", "Morris", "Ocean", "Passaic", "Salem", "Somerset", "Sussex", "Union", "Warren",
  ],
  RI: ["Bristol", "Kent", "Newport", "Providence", "Washington"],
  VT: ["Addison", "Bennington", "Caledonia", "Chittenden", "Essex", "Franklin", "Grand Isle", "Lamoille", "Orange", "Orleans", "Rutland", "Washington", "Windham", "Windsor"],
};

/** The counties to choose from for this address, or null when no County field applies. */
export const countiesFor = (country: string, state: string): readonly string[] | null =>
  country.trim().toUpperCase() === "US" ? (US_COUNTIES[state.trim().toUpperCase()] ?? null) : null;
