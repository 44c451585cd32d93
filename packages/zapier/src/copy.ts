/** Copy shown on every trigger, search and create, and in the connection's description. */
export const NOT_MEDICAL = "Not for medical use: Withings data in Zapier is for personal automation, not for diagnosis, "
  + "treatment or protected health information.";
