-- The posting this season runs on (shared/seed/internship-posting.txt): five fixed
-- cohort start dates in 2026, 12 weeks, headcount from configuration
-- (spring.flyway.placeholders.seed-headcount, default 20).

insert into position (id, title, description, weeks, headcount, interviewers, status, created_at)
values ('ds-ltv-intern-2026',
        'Data Science Intern, Long-Term User Value Models (Summer 2026)',
        'tudents with hands-on experience in developing fundamental skills and exploring potential career paths. A vibrant blend of social events and enriching development workshops will be available for you to explore. Here, you will utilize your knowledge in real-world scenarios while laying a strong foundation for personal and professional growth. It runs for 12 weeks.
Candidates can apply to a maximum of two positions and will be considered for jobs in the order you apply. The application limit is applicable to TikTok and its affiliates'' jobs globally. Applications will be reviewed on a rolling basis. We encourage you to apply as early as possible. Please state your availability clearly in your resume (Start date, End date). Successful candidates must be able to commit to one of the following summer internship start dates below:
- May 11th, 2026
- May 18th, 2026
- May 26th, 2026
- June 8th, 2026
- June 22nd, 2026
We will prioritize candidates who are able to commit to these start dates. Please state your availability clearly in your resume (Start date, End date).
Responsibilities:
- Participate in the construction and optimization of long-term user value (LTV) models and other user behavior prediction models.
- Use machine learning, deep learning and other techniques for data mining, and optimize user portraits and behavior analysis.
- Design A/B tests and other causal inference methods to evaluate the model''s performance and promote the implementation of the model in business scenarios.
- Process and clean massive amounts of data, build high-quality datasets, and improve data quality.
- Collaborate with product and data engineering teams to promote the implementation of data-driven decision-making.
Qualifications
Minimum Qualifications
- Currently pursuing an undergraduate or graduate degree in a quantitative field such as mathematics, statistics, economics, or computer science.
- Analytical Skills: Previous internship or project experience in business analysis or data-related roles, with the ability to analyze data and generate actionable insights. Experience in the ads or marketing industry is a plus.
Preferred Qualifications
- Technical Skills: Familiarity with Excel, SQL, Python, or R, and foundational knowledge of data visualization tools like Tableau, Power BI, and Think-Cell.
- Communication: Business-level English proficiency with strong verbal and written skills to effectively engage with stakeholders and present findings to non-technical audiences.
- Problem-Solving & Teamwork: Strong problem-solving abilities, attention to detail, and the capability to collaborate effectively with cross-functional teams to implement solutions and drive results.
By submitting an application for this role, you accept and agree to our global applicant privacy policy, which may be accessed here: https://careers.tiktok.com/legal/privacy',
        12, ${seed-headcount}, 2, 'OPEN', current_timestamp);

insert into position_cohort (position_id, start_date, capacity) values
    ('ds-ltv-intern-2026', date '2026-05-11', null),
    ('ds-ltv-intern-2026', date '2026-05-18', null),
    ('ds-ltv-intern-2026', date '2026-05-26', null),
    ('ds-ltv-intern-2026', date '2026-06-08', null),
    ('ds-ltv-intern-2026', date '2026-06-22', null);
