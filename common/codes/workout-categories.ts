/**
 * Workout categories (`series[].category` of getworkouts).
 * https://developer.withings.com/api-reference/#tag/measure/operation/measurev2-getworkouts
 * New categories appear often: `workoutCategoryName` never throws.
 */
export const WORKOUT_CATEGORIES: Readonly<Record<number, string>> = {
  1: "Walk", 2: "Run", 3: "Hiking", 4: "Skating", 5: "BMX", 6: "Bicycling", 7: "Swimming", 8: "Surfing",
  9: "Kitesurfing", 10: "Windsurfing", 11: "Bodyboard", 12: "Tennis", 13: "Table Tennis", 14: "Squash",
  15: "Badminton", 16: "Lift Weights", 17: "Fitness", 18: "Elliptical", 19: "Pilates", 20: "Basketball",
  21: "Soccer", 22: "Football", 23: "Rugby", 24: "Volleyball", 25: "Water Polo", 26: "Horse Riding", 27: "Golf",
  28: "Yoga", 29: "Dancing", 30: "Boxing", 31: "Fencing", 32: "Wrestling", 33: "Martial Arts", 34: "Skiing",
  35: "Snowboarding", 36: "Other", 128: "No Activity", 187: "Rowing", 188: "Zumba", 191: "Baseball",
  192: "Handball", 193: "Hockey", 194: "Ice Hockey", 195: "Climbing", 196: "Ice Skating", 272: "Multi-sport",
  306: "Indoor Walk", 307: "Indoor Running", 308: "Indoor Cycling", 455: "Standup Paddleboarding", 456: "Padel",
  457: "Gaming", 490: "Beach Volleyball", 491: "Stair Stepper", 492: "Skateboarding", 493: "Parkour",
  494: "Kayaking", 495: "Canoeing", 496: "Sailing", 497: "Fishing", 498: "Trail Running", 499: "Snowshoeing",
  500: "Paintball", 501: "Archery", 502: "Scuba Diving", 503: "Baseball Training", 504: "Biathlon", 505: "Bocce",
  506: "Pétanque", 507: "Paragliding", 508: "Frisbee", 509: "Skydiving", 510: "Pickleball", 511: "Cornhole",
  512: "Dodgeball", 513: "Ultimate", 514: "Teqball", 515: "Pushing a Wheelchair (Running Pace)",
  516: "Pushing a Wheelchair (Walking Pace)", 517: "Athletics", 518: "Track Cycling", 519: "Pentathlon",
  520: "Sport Shooting", 521: "Triathlon", 522: "Diving", 523: "Mountain Biking", 524: "Gravel Biking",
  525: "E-Biking", 526: "E-Mountain Biking", 527: "Handcycling", 528: "Velomobile", 529: "Backcountry Skiing",
  530: "Nordic Skiing", 531: "Roller Skiing", 532: "Racquetball", 534: "Hip Hop", 535: "Muay Thai",
  536: "Taekwondo", 537: "Judo", 538: "Trampoline", 539: "Standing Frame", 540: "Seated Strength",
  541: "Seated Cardio", 542: "Walk With Walker", 543: "Walk With Cane", 544: "Breaking", 545: "Chores",
  546: "Crossfit", 547: "Spinclass", 548: "Cricket", 549: "Flamenco Dancing", 550: "HIIT", 551: "Meditation",
  552: "Stretching", 553: "Yard Work Gardening", 554: "Cleaning", 555: "Public Speaking", 556: "Spikeball",
  557: "Lacrosse", 558: "Baby Wearing", 559: "Dog Walking", 560: "Breathing Exercises", 561: "Balance Drills",
  562: "Pushing a Stroller", 563: "Toddler Wearing", 564: "Bowling", 565: "Lasertag", 566: "Nordic Walking",
  567: "Sumo Wrestling", 568: "Cooking",
};

export function workoutCategoryName(code: number): string {
  return WORKOUT_CATEGORIES[code] ?? `Workout Category ${code}`;
}
