package com.internhire.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A season's applications and what each person will do with them, drawn once from a seed so
 * that the service run and the engine-limit run take the same paths. Proportions are those of
 * a busy posting: most candidates apply once, some twice (R2), a third do not meet the minimum
 * qualifications (R6), some state no availability (R4), recruiters advance about half of the
 * qualified, some candidates withdraw (R11) or decline.
 */
final class SeasonPlan {

  /** The availability a candidate states. */
  enum Availability {
    /** Covers a whole 12-week cohort window: prioritised (R5). */
    FITS,
    /** Stated, but covers no whole cohort window. */
    NO_FIT,
    /** Not stated; given when asked (R4). */
    MISSING_THEN_GIVEN,
    /** Not stated and never given: closes as incomplete when the wait expires (R4). */
    MISSING_NEVER
  }

  /** When the candidate withdraws, if at all (R11). */
  enum Withdrawal {
    NONE,
    RIGHT_AFTER_SUBMITTING,
    WHEN_INVITED_TO_INTERVIEWS,
    WHEN_OFFERED
  }

  /** One application and the decisions people will take on it. */
  record Application(
      int index,
      int candidate,
      boolean second,
      int firstIndex,
      Availability availability,
      boolean qualified,
      boolean advance,
      boolean hire,
      boolean approve,
      boolean accept,
      Withdrawal withdrawal) {

    /** Every step taken, ending in a hire: the path the per-application cost is quoted for. */
    boolean happyPath() {
      return !second && availability == Availability.FITS && advance && hire && approve && accept
          && withdrawal == Withdrawal.NONE;
    }

    String availabilityStart() {
      return switch (availability) {
        case FITS, MISSING_THEN_GIVEN -> "2026-05-11";
        case NO_FIT -> "2026-06-01";
        case MISSING_NEVER -> null;
      };
    }

    String availabilityEnd() {
      return switch (availability) {
        case FITS, MISSING_THEN_GIVEN -> "2026-08-28";
        case NO_FIT -> "2026-08-14";
        case MISSING_NEVER -> null;
      };
    }

    boolean availabilityStated() {
      return availability == Availability.FITS || availability == Availability.NO_FIT;
    }

    /** The cohort a hiring manager picks: the first start date inside the availability. */
    String startDate() {
      return availability == Availability.NO_FIT ? "2026-06-08" : "2026-05-11";
    }
  }

  static final String[] COHORTS = {"2026-05-11", "2026-05-18", "2026-05-26", "2026-06-08", "2026-06-22"};

  final long seed;
  final List<Application> applications;
  /** Extra submissions that are not applications: a repeat (answered 200) or a third (409, R1). */
  final List<int[]> extraSubmissions;

  private SeasonPlan(long seed, List<Application> applications, List<int[]> extraSubmissions) {
    this.seed = seed;
    this.applications = applications;
    this.extraSubmissions = extraSubmissions;
  }

  static SeasonPlan draw(int count, long seed) {
    Random random = new Random(seed);
    List<Application> firsts = new ArrayList<>();
    List<Integer> secondOf = new ArrayList<>();
    int candidates = 0;
    while (firsts.size() + secondOf.size() < count) {
      int candidate = candidates++;
      firsts.add(draw(random, -1, candidate, false, -1));
      // R2: about 15% of candidates apply to a second position.
      if (firsts.size() + secondOf.size() < count && random.nextDouble() < 0.15) {
        secondOf.add(candidate);
      }
    }
    // Second applications arrive a little later than their first.
    List<Application> ordered = new ArrayList<>();
    List<Integer> pending = new ArrayList<>(secondOf);
    Map<Integer, Integer> indexOfCandidate = new LinkedHashMap<>();
    for (Application first : firsts) {
      Application placed = withIndex(first, ordered.size(), -1);
      ordered.add(placed);
      indexOfCandidate.put(first.candidate(), placed.index());
      for (int i = pending.size() - 1; i >= 0; i--) {
        Integer candidate = pending.get(i);
        if (indexOfCandidate.containsKey(candidate) && ordered.size() - indexOfCandidate.get(candidate) > 3 && random.nextDouble() < 0.5) {
          pending.remove(i);
          int firstIndex = indexOfCandidate.get(candidate);
          ordered.add(draw(random, ordered.size(), candidate, true, firstIndex));
        }
      }
    }
    for (Integer candidate : pending) {
      ordered.add(draw(random, ordered.size(), candidate, true, indexOfCandidate.get(candidate)));
    }
    List<int[]> extras = new ArrayList<>();
    for (Application a : ordered) {
      // 2% send the same application again (answered with the first), 1% try a third (refused).
      double r = random.nextDouble();
      if (r < 0.02) {
        extras.add(new int[] {a.index(), 0});
      } else if (r < 0.03 && a.second()) {
        extras.add(new int[] {a.index(), 1});
      }
    }
    return new SeasonPlan(seed, List.copyOf(ordered), List.copyOf(extras));
  }

  private static Application withIndex(Application a, int index, int firstIndex) {
    return new Application(
        index, a.candidate(), a.second(), firstIndex, a.availability(), a.qualified(), a.advance(), a.hire(),
        a.approve(), a.accept(), a.withdrawal());
  }

  private static Application draw(Random random, int index, int candidate, boolean second, int firstIndex) {
    double a = random.nextDouble();
    Availability availability =
        a < 0.76 ? Availability.FITS
            : a < 0.88 ? Availability.NO_FIT
            : a < 0.97 ? Availability.MISSING_THEN_GIVEN
            : Availability.MISSING_NEVER;
    boolean qualified = random.nextDouble() < 0.65;
    boolean advance = qualified && availability != Availability.NO_FIT ? random.nextDouble() < 0.55 : random.nextDouble() < 0.03;
    boolean hire = random.nextDouble() < 0.6;
    boolean approve = random.nextDouble() < 0.95;
    boolean accept = random.nextDouble() < 0.85;
    double w = random.nextDouble();
    Withdrawal withdrawal =
        w < 0.03 ? Withdrawal.RIGHT_AFTER_SUBMITTING
            : w < 0.06 ? Withdrawal.WHEN_INVITED_TO_INTERVIEWS
            : w < 0.08 ? Withdrawal.WHEN_OFFERED
            : Withdrawal.NONE;
    return new Application(index, candidate, second, firstIndex, availability, qualified, advance, hire, approve, accept, withdrawal);
  }

  /**
   * The same applications under other indices (several seasons in one engine), with every
   * missing availability eventually given: the ceiling benchmark never moves the clock.
   */
  SeasonPlan shifted(int offset) {
    List<Application> moved = new ArrayList<>();
    for (Application a : applications) {
      moved.add(new Application(
          a.index() + offset, a.candidate() + offset, a.second(), a.second() ? a.firstIndex() + offset : -1,
          a.availability() == Availability.MISSING_NEVER ? Availability.MISSING_THEN_GIVEN : a.availability(),
          a.qualified(), a.advance(), a.hire(), a.approve(), a.accept(), a.withdrawal()));
    }
    return new SeasonPlan(seed, List.copyOf(moved), List.of());
  }

  int candidates() {
    return (int) applications.stream().filter(a -> !a.second()).count();
  }

  long count(java.util.function.Predicate<Application> which) {
    return applications.stream().filter(which).count();
  }

  /** The mix, for the report. */
  Map<String, Object> describe() {
    Map<String, Object> mix = new LinkedHashMap<>();
    int n = applications.size();
    mix.put("applications", n);
    mix.put("candidates", candidates());
    mix.put("secondApplications", count(Application::second));
    mix.put("availabilityFitsCohort", count(a -> a.availability() == Availability.FITS));
    mix.put("availabilityNoWholeCohort", count(a -> a.availability() == Availability.NO_FIT));
    mix.put("availabilityMissingThenGiven", count(a -> a.availability() == Availability.MISSING_THEN_GIVEN));
    mix.put("availabilityNeverGiven", count(a -> a.availability() == Availability.MISSING_NEVER));
    mix.put("meetMinimumQualifications", count(Application::qualified));
    mix.put("advancedAtReviewIfReached", count(Application::advance));
    mix.put("withdrawRightAfterSubmitting", count(a -> a.withdrawal() == Withdrawal.RIGHT_AFTER_SUBMITTING));
    mix.put("withdrawWhenInvited", count(a -> a.withdrawal() == Withdrawal.WHEN_INVITED_TO_INTERVIEWS));
    mix.put("withdrawWhenOffered", count(a -> a.withdrawal() == Withdrawal.WHEN_OFFERED));
    mix.put("happyPath", count(Application::happyPath));
    mix.put("repeatedSubmissions", extraSubmissions.stream().filter(e -> e[1] == 0).count());
    mix.put("thirdApplicationAttempts", extraSubmissions.stream().filter(e -> e[1] == 1).count());
    mix.put("seed", seed);
    return mix;
  }

  /** The submission body a career site sends for this application (personal data made up). */
  static Map<String, Object> body(Application a, String run, String positionId) {
    Random random = new Random(a.candidate() * 31L + 7);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("positionId", positionId);
    Map<String, Object> candidate = new LinkedHashMap<>();
    candidate.put("name", "Candidate " + a.candidate());
    candidate.put("email", email(run, a.candidate()));
    candidate.put("phone", "+1 555 " + String.format("%04d", a.candidate() % 10000));
    body.put("candidate", candidate);
    Map<String, Object> education = new LinkedHashMap<>();
    String[] levels = {"BACHELOR", "MASTER", "MASTER", "PHD"};
    education.put("level", levels[random.nextInt(levels.length)]);
    String[] quantitative = {"Statistics", "Mathematics", "Economics", "Computer Science", "Data Science"};
    String[] other = {"History", "Philosophy", "Biology", "Art History"};
    boolean fieldOk = a.qualified() || random.nextBoolean();
    education.put("field", fieldOk ? quantitative[random.nextInt(quantitative.length)] : other[random.nextInt(other.length)]);
    education.put("enrolled", a.qualified() || fieldOk ? Boolean.TRUE : Boolean.valueOf(random.nextBoolean()));
    education.put("expectedGraduation", "2027-06");
    body.put("education", education);
    List<Map<String, Object>> experience = new ArrayList<>();
    if (a.qualified()) {
      experience.add(Map.of("kind", random.nextBoolean() ? "INTERNSHIP" : "PROJECT", "domain", random.nextBoolean() ? "DATA" : "BUSINESS_ANALYSIS", "title", "Analytics", "months", 3 + random.nextInt(9)));
    } else if (fieldOk) {
      experience.add(Map.of("kind", "JOB", "domain", "OTHER", "title", "Barista", "months", 6));
    }
    if (random.nextDouble() < 0.2) {
      experience.add(Map.of("kind", "PROJECT", "domain", "ADS_MARKETING", "title", "Campaign analysis", "months", 2));
    }
    body.put("experience", experience);
    String[] skills = {"SQL", "Python", "R", "Excel", "Tableau", "Power BI"};
    List<String> chosen = new ArrayList<>();
    for (String skill : skills) {
      if (random.nextDouble() < 0.45) {
        chosen.add(skill);
      }
    }
    body.put("skills", chosen);
    String[] english = {"INTERMEDIATE", "BUSINESS", "BUSINESS", "NATIVE"};
    body.put("englishLevel", english[random.nextInt(english.length)]);
    if (a.availabilityStated()) {
      body.put("availability", Map.of("start", a.availabilityStart(), "end", a.availabilityEnd()));
    }
    body.put("privacyPolicy", Map.of("accepted", true, "version", "2026-01"));
    return body;
  }

  static String email(String run, int candidate) {
    return "bench-" + run + "-" + candidate + "@example.edu";
  }
}
