type ClientNameParts = { number: number; companyName: string; contacts: readonly { firstName: string; lastName: string }[] };

/** How staff see a client: the company, else the primary contact's name, else "Client #1001". */
export const clientDisplayName = ({ number, companyName, contacts }: ClientNameParts) =>
  companyName || [contacts[0]?.firstName, contacts[0]?.lastName].filter(Boolean).join(" ") || `Client #${number}`;
