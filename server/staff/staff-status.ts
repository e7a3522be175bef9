/** The status a staff list shows: deactivated, invited (no password set yet) or active. */
export const staffStatus = (staff: { isActive: boolean; hasPassword: boolean }) =>
  !staff.isActive ? "DEACTIVATED" : staff.hasPassword ? "ACTIVE" : "INVITED";
