/**
 * The text of the reference notes (Accountability and Governance Board, 24 March 2026), transcribed
 * from src/demo/reference/agb-notes-2026-03-24.txt (../shared/reference): update points, members' questions, and the
 * discussion under items 6 and 7 with the actions agreed in response.
 */
import {
  type NotesAction,
  type NotesQuestion,
  type SanitisedHtml,
  trustSanitisedHtml,
} from '../../src/documents/render/view-models.ts';

/** The reference board's action references: AGB/2026-03/1 to /4, all owned by WMP. */
export function meetingAction(n: number, text: string): NotesAction {
  return { reference: `AGB/2026-03/${n}`, text, owner: 'WMP' };
}

const ASKED_BY_DEPUTY_PCC = 'Deputy Police and Crime Commissioner, Wasim Ali';

function memberQuestion(number: number, text: string, answerBullets: string[]): NotesQuestion {
  return { number, text, askedBy: ASKED_BY_DEPUTY_PCC, answerBullets, answerHtml: null, actions: [] };
}

function discussion(
  text: string,
  answerBullets: string[],
  extra: { answerHtml: SanitisedHtml | null; actions: NotesAction[] } = { answerHtml: null, actions: [] },
): NotesQuestion {
  return { number: null, text, askedBy: null, answerBullets, ...extra };
}

export const PCC_UPDATE_POINTS: string[] = [
  'The PCC has written to the Acting Chief Constable about the historic discrimination and victimisation between West Midlands Police and the LGBTQ+ community. The PCC recommended WMP review its refusal and consider issuing a public apology. The Acting Chief Constable has written to the PCC to request further information and will then meet with the LGBTQ+ staff network. The OPCC will respond to this request at the earliest possible opportunity.',
  "The PCC has reaffirmed his commitment to tackle violence affecting young people and welcomes renewed funding for the region's Violence Reduction Partnership for a further year. The PCC attended the VRP's conference on 25/02/2026 to formally confirm the funding position. The West Midlands VRP has been provisionally allocated over £5 million for April 26-March 27. The funding will allow the VRP to continue essential support for children and young people. The funding is welcomed but it is important to note that the amount is the same as last year which materialises as a reduction after inflation. The West Midlands needs longer term commitment to funding settlements to ensure the safety and security of young people.",
  'The PCC formally recognised the Police Staff Week of Celebration and Recognition. Police staff contributions are fundamental to keeping communities safe and ensuring victims receive the service they are entitled to. Police staff bring specialist experience and skills that make a difference to the effectiveness of WMP.',
  'The OPCC has relaunched the Fraud Prevention Partnership Board. The first meeting took place on 4th February 2026. Its purpose is to enable an effective public health approach to tackling fraud across the force area. The Board aims to develop strategic partnerships from across the fraud prevention landscape to prevent fraud and protect the public to minimise harm caused to communities. The Board will lead by example and model what effective local strategic action against fraud can look like to prevent, tackle and reduce fraud. The Board will also run a fraud webinar programme and aims to sign all partners up to a singular strategic approach to tackling fraud as a region. The key commitment is reducing the number of victims of fraud, especially repeat victims and mitigating the financial harms of fraud. The Fraud Board on 25th March 2026 will focus on fraud victims and all work around fraud should be victim centred.',
  'The OPCC are hosting a Victim Summit on 26th March 2026 that will be chaired by the Victims Advocate for the West Midlands, Natalie Queiroz. The PCC will be opening the summit and will be joined by the Victims Minister Alex Davies-Jones, Victims Commissioner Claire Waxman and other leading partners and providers across the region. It will be an opportunity to emphasise the pledge in the Police and Crime Plan that the rights and welfare of victims must always be a top priority for policing and the wider Criminal Justice System (CJS). At the summit, the work taking place regionally and nationally will be discussed to raise awareness and strengthen compliance with the Victims Code, including the region-wide campaign and Victims Innovation Fund. It will include the launch of the new Victims Strategy which will commit to the consistent delivery of victim rights and ensure the delivery of specific needs and offer services that are compassionate and consistently improve the services provided. The Summit will also include a victim support services showcase and a CJS panel. It will be an opportunity to share collective commitment to taking the action required to ensure the rights of victims are always at the forefront of policing.',
];

export const CHIEF_CONSTABLE_UPDATE_POINTS: string[] = [
  'There have been four recent homicides in the West Midlands. Two murders took place in Coventry, one in Smethwick and one in Birmingham. All four homicide investigations have resulted in charges.',
  'WMP have been particularly engaged in policing protest activity. The impact of global events continues to manifest in local communities, particularly the ongoing conflicts in Iran, Israel and Gaza. WMP have multiple gold groups to ensure there is an overarching approach to policing the issues as well as bespoke approaches to individual protests and the matters underpinning them.',
  'Operation Strive is ongoing with the Acting Chief Constable as the Gold Commander.',
  'Operation Applegreen has been launched in preparation for the policing of local elections. The operation will ensure candidates can campaign safely and democratic processes are followed to their full extent.',
];

export const MEMBER_QUESTIONS: NotesQuestion[] = [
  memberQuestion(
    1,
    'What assessment has the Chief Constable made of the additional demand and costs to policing arising from the ban on "XL Bully" dogs in 2023?',
    [
      'UK police forces are legally obliged to seize and detain dogs in certain circumstances, especially in relation to breaches of the Dangerous Dogs Act 1991.',
      "On the 31st October 2023, the government added XL Bullies to the list of dogs prohibited by the Act. This has caused an exponential increase in incidents related to dangerous dogs. In 2020, WMP's Dogs Unit attended 49 incidents linked to dangerous dogs whereas in 2024 this rose to 601 incidents. Of those, 530 were specifically related to XL Bullies.",
      'This has resulted in increased kennelling challenges. WMP have 6 contracts, 5 of which are flexible and allow WMP to use their kennels when needed. The 6th offers a 40-kennel contract which ends in 2027/28.',
      'There are challenges in potential increases in costs, limited availability at peak times and delays in access. There are currently 115 kennelled dogs within WMP, 77 of which have been kennelled for up to 6 months and 15 have been kennelled for more than 12 months. This relates to delays in the court system, so WMP are working with CJS to reduce the delays and associated costs.',
      'In response to XL Bullies being added to the dangerous dogs list, DEFRA have provided a substantial proportion of the costs incurred by WMP by 2023-2025. However, this funding has now ceased.',
      'WMP are enquiring into developing an in-house kennelling facility and work with regional forces to consider a collaborative approach.',
    ],
  ),
  memberQuestion(
    2,
    'What progress has West Midlands Police made in introducing a drone and counter-drone capability at Villa Park and Molineux football grounds?',
    [
      "WMP are pleased with the ongoing work between the police, the Premier League, and NPCC on this issue. Under ACC Welstead's leadership, WMP have secured the funding for a trial.",
      'This is phase one of a national pilot with the premier league which went live on 3rd January 2025. There are two core elements to operational deployment: overt police drones/in line-of-sight drone operation and counter-drone technology.',
      'WMP have deployed the full capability to 13 fixtures to date. There are key strategic benefits to the approach.',
      'This was deployed with great effect for a fixture at Villa Park on 3rd January around crowd management.',
      'Two unauthorised drones have been detected and intercepted, both pilots were located and the drones seized.',
      'Before and after fixtures, clear livestream footage is beneficial for officers and commanders. During fixtures, the operation can be used to support media drones and protect them from unauthorised drones in the area.',
      "The equipment is made up of DAU equipment from WMP's own kit as well as equipment that has been loaned through NAPCC. WMP are looking into receiving specified assets that have been procured.",
      'There has been a slight delay with the funding which has delayed the procurement of critical equipment. The core capability is operational and WMP are using overt police drones and counter drone activity at both football grounds.',
    ],
  ),
  memberQuestion(
    3,
    "What are the Force's plans to support local authorities and candidates to ensure that the local elections on 7 May 2026 are safe and secure for all involved?",
    [
      'There were key national and local learnings for policing in relation to the general election, particularly to do with anti-social behaviour, harassment and intimidatory behaviour.',
      'The commander structure has Local Policing Area (LPA) SPOCs who work to understand the risk levels of each polling station. WMP will work with the Local Authorities and use previous intelligence, estimations of high-footfalls and previous incidents or harassment and intimidation.',
      'Deployment and patrols will be allocated in relation to this risk assessments for support on the day.',
      "WMP have a bespoke defending democracy team. The sergeant and constable's sole job is in relation to Operation Bridger, Operation Ford and supporting around election campaigns.",
      'WMP will continue to ensure safety, security and responsiveness for candidates and elected officials. Following key learning from the general election, the local elections will have two bronze commanders: one for electoral malpractice and one for broad crime and harassment.',
    ],
  ),
];

/** Item 6, Domestic Abuse. */
export const DOMESTIC_ABUSE_DISCUSSION: NotesQuestion[] = [
  discussion(
    'What assurance can you give that WMP will be using all options available to minimise the risk posed by offenders as a result of the Sentencing Act 2026 and ensure that victims are protected?',
    [
      "WMP's robust approach to policing DA will remain, taking positive action, arresting suspects when lawful to do so, and putting cases forward to the CPS.",
      'The legislation does not affect the enforcement of protective orders. WMP have the processes in place to issue orders and the mechanisms available to monitor them.',
    ],
    {
      answerHtml: trustSanitisedHtml(
        "<ul><li>Under the new legislation, if there is no real prospect of the suspect receiving 12 months or more in prison, they will not be remanded. However, there are key exemptions:<ol><li>If the offence is for DA and is likely to cause injury to a victim in a DA situation.</li><li>If the alteration would cause significant risk of physical or psychological harm.</li><li>If 'exceptional circumstances' apply.</li></ol></li></ul>",
      ),
      actions: [],
    },
  ),
  discussion(
    "Can WMP offer assurance that Officers and Staff working in this area will adopt the mindset of considering 'why shouldn't I apply for a protective order', rather than 'should I apply for a protective order'?",
    [
      'The numbers of protective orders demonstrate that WMP are applying this mindset.',
      "WMP developed and improved their application of Domestic Violence Protection Notices (DVPN) in different cases. Officers have a range of options available as disposal routes. On the DA desk, WMP's use of rapid response video is an opportunity for officers in the first instance to consider if there is an opportunity for Claire's Law or Sarah's Law to be applied.",
      'WMP have great visibility around the DVPOs and DVPNs currently in place and LPA commanders are supporting the Public Protection Unit with regularly visiting victims and offenders to ensure orders are being enforced.',
    ],
  ),
  discussion(
    'What reassurance can you provide to DA and VAWG victims that WMP will be providing a robust approach and that there will be consequences for offenders who breach protective orders?',
    [
      'The visibility of WMP completing safeguarding visits and enforcement checks is crucial for providing this reassurance.',
      'WMP need to improve information sharing so that partners are aware of orders in place. Home visits from partners can then become a further opportunity to check orders are being adhered to. MARAC can support with this is piece of work.',
      'Non-molestation orders pose complex challenges, particularly when applications are made in courts outside of the West Midlands. PPU are working with non-molestation staff within the Central Referral Unit to widen their understanding of the orders within the system.',
      'There is a robust process around DVPNs, overseen by the Deputy Chief Constable in the monthly performance panel. Through this process, WMP ensure orders are being checked and arrests have been made for breaches. Breaches are picked up in the weekly monitoring led by an ACC to ensure offenders are brought to justice.',
    ],
  ),
  discussion(
    'Can you provide reassurance that WMP will have a heightened awareness of DA and VAWG as a consequence of the new legislation?',
    [
      'DA and VAWG are priorities for WMP, regardless of changes to legislation.',
      "The force has made significant improvements in terms of Sexual Harm Prevention Orders and Stalking Protection Orders. However, there is still progress to be made and DA and VAWG will always remain priorities for the force, evidenced by both having a permanent place in the Deputy Chief Constable's performance panels.",
      'WMP will continue to use the totality of the powers available within the legislative framework to protect victims. Protecting the vulnerable will remain at the forefront of policing in the West Midlands.',
    ],
  ),
  discussion(
    'How does West Midlands police ensure that Out of Court Resolutions are used effectively and how does the force capture the wishes of the victim when considering out of court resolutions?',
    [
      'WMP have multiple scrutiny panels which assess the use of out of court resolutions.',
      'WMP strive to include the voice of the victim at every point in the policing process and are working with Victims Advocate Natalie Queiroz to understand how this can be improved.',
      'It can be challenging when working with victims and partners to agree on when it is appropriate to use out of court resolutions.',
      'WMP will look into how the DRIVE programme can be effectively deployed. The programme will form part of the suite of options available to officers when bringing a perpetrator to justice. Given the breadth and complexity of DA, it is important that Officers have access to all options available to them.',
      'Officers are regularly trained on the options available to them, what programmes look like and how referrals are conducted.',
    ],
  ),
  discussion(
    'How are the learnings from scrutiny panels cascaded to a wider cohort of investigating officers?',
    [
      'Learnings from scrutiny panels and changes in strategic direction are shared through an operational board led by Detective Superintendent Adam Jobson. This ensure that the learnings reach all the LPAs and PPU units dealing with DA cases.',
    ],
  ),
  discussion(
    'What impact will the Domestic Abuse Joint Justice Plan (DAJJP) have on the rate of positive outcomes? How is the DAJJP working to reduce victim attrition and improve overall outcomes? How is success measured?',
    [
      'It is too early to say how effective the DAJJP has been. WMP are exploring what the early advice for DA cases would look like.',
      'WMP are working with the Crown Prosecution Service to understand what the offer looks like locally.',
      'The DAJJP will enable WMP to put more cases forward to the CPS and increase positive outcomes. However, it is too early to judge how impactful the JJP will be for DA.',
    ],
  ),
  discussion(
    "How does the force plan to ensure longevity and full implementation of the Raneem's Law Pilots?",
    [
      "During phase one of the pilot, agreeing a definition of a 'Domestic Abuse Specialist' with partners has emerged as a challenge. A formal definition was not provided by the Home Office.",
      'Under phase two, WMP have secured funding for the pilots. Chief Superintendent Tony Hopkins is working with Sally Simpson, Chief Superintendent of Force Contact, to understand what day-to-day activity will look like.',
      'WMP are now able to go into a full procurement process to ensure appropriate staffing is in place for the pilot. Even when IDVAs are not available in policing control rooms, WMP staff adopt the same mindset when reviewing DA calls.',
      "The performance measures agreed between PPU and Force Contact are demonstrating the benefit of having specialists deployed into contact as a result of Raneem's Law.",
    ],
  ),
  discussion(
    'Have WMP been able to allow independent DA specialists to provide live time listening and updates on calls?',
    [
      "Staff from Black Country Women's Aid have been providing this service. Now WMP have secured Home Office funding, this arrangement will be more secure.",
      'With the funding, WMP will be able to offer effective staff contracts to deploy the roles on a daily basis.',
    ],
  ),
  discussion(
    "What progress has been made in relation to the Domestic Abuse Suicide Screening Toolkit project that's being linked to the domestic abuse desk?",
    [
      'The DA desk is a cohort of dedicated staff working solely on DA calls. The risk assessment is nearly ready to be embedded.',
      'Investigators ensure the risk of suicide gets appropriate care and consideration when engaging with DA victims. WMP are reviewing several cases where suicide has been reported, including a case that will shortly be going to court. The case will highlight the importance of considering the threat of suicide during DA investigations.',
      'The threat and risk of suicide was an input on a recent SIO day for all SIOs across the force to consider.',
      'Northumbria Police have been consulted regarding a DA case that they recently took to court. WMP will take learnings from this case on how to help a jury understand the relationship between suicide and abuse.',
    ],
  ),
  discussion(
    "What progress has been made with Birmingham City University's data analysis of the Outcome 16 Sub-Codes and what are the next steps for the analysis?",
    [
      'WMP have signed off the ISA for the data work to take place, and analysis will shortly begin on the DA desk.',
      "The dataset used will most likely be from the College of Policing's peer review of the DA desk. This data should be ready to share relatively quickly.",
      'Interviews will take place with DA desk staff to understand how subcodes are lifted into tangible analysis.',
      'The subcodes were taken from Operation Soteria for RASSO crimes, which have been added into DA crimes, and every other crime type.',
      'The analysis needs to establish what is meant by each category and in which category a victim disengages at the first point of contact with police. From reviewing DA desk RVR calls and conducting interviews with staff, WMP and BCU should have a clear understanding of what is meant by each category and in which category a victim disengages at the first point of contact with police.',
    ],
  ),
  discussion(
    'Will the Victims Voice forums being held as part of the analysis be organised by WMP, BCU or the OPCC?',
    [
      'Victim Voice panels will be collaborative and input on every aspect of PPU. WMP hopes to work with Local Authorities, Natalie Queiroz and BCU to facilitate the panels as victims often feel safer and more comfortable when away from police premises.',
    ],
  ),
  discussion('What action could WMP take to tackle disengagement from DA victims?', [
    'Disengagement is often caused by delays in the system and the complexities caused by the relationship itself, such as children and financial arrangements.',
    'It is crucial that WMP officers treat incidents with severity and are patient when attending incidents.',
    'It is important that WMP officers take positive action when attending a scene, such as arresting suspects and taking them into custody. Officers can then return to the victim for a discussion once the suspect is in custody.',
    'DVPNs and DVPOs provide the victim with space and a period of reflection when suspects cannot be charged or are released on bail.',
  ]),
  discussion(
    'To what extent do victims have an input when bail conditions are being set and are victims informed of bail conditions?',
    [
      'Police are required to engage victims around the bail conditions before they are set. This is so that victims can feedback on the conditions and identify anything missed.',
      'The Operation Vanguard Board reviews cases where the victim was engaged with before the bail conditions are applied.',
      'The data shows some progress but there is still improvement to be made. This is partially because Officers are not always documenting when they have engaged with a victim before conditions are set. However, this cannot be assumed until it is reflected in the data.',
    ],
  ),
  discussion(
    "How are WMP ensuring all protection orders are monitored? Does WMP's prioritisation of victims unlikely to call 999 in the event of a breach mean other victims are not receiving routine checkups?",
    [
      'There is significant scrutiny around monitoring the enforcement of DVPNs. Checks are completed by local policing, and the scrutiny is conducted through performance governance.',
      'Prioritisation is important when monitoring protection orders. Victims with low engagement or in an intimidating situation are prioritised if they are unlikely to call 999 if a breach is made. Victims with high engagement can be prioritised differently as their engagement provides an opportunity for the case to be progressed. When the victim is engaged, WMP will do everything possible to push the case towards an effective prosecution.',
      'Practice deviates depending on the victim and relationship.',
      'Six months ago, WMP were around 30-40% compliant with the DVPO checks in local policing. In the last three months, checks have been 88%, 85% and 92% in February.',
      'It is good for offenders to know the checks are taking place as this will act as a deterrent.',
      'Enforcement of bail conditions are scrutinised. In Operation Vanguard meetings, the tasking process of how checks are completed is reviewed. Colleagues in operations follow-up on checks and their prioritisation. The action from the meeting was to dip check how prioritisation is being completed.',
    ],
  ),
  discussion(
    'Greater Manchester Police are currently trialling Domestic Abuse Protection Orders (DAPOs) and there is an expected delay before being introduced to the West Midlands. How prepared are WMP for implementing DAPOs?',
    [
      'WMP have a civil interventions manager and team that only focus on DVPNs and DVPOs.',
      'There is concern that feedback from GMP suggests that the qualification needed to take DAPOs to court will be changed. There is a discussion needed with Joint Legal Services to ascertain whether WMP staff are sufficiently trained or whether JLS staff are required to take them to court.',
      'Expected changes from the pilot include Inspectors being able to sign off DAPOs rather than a Superintendent and who would be required to present in court. It would be a significant expense on UK police forces if accredited lawyers are required to take DAPOs to court.',
      'CS Hopkins is confident in the team and structure already in place. There should be a fairly swift transition from DVPOs to DAPOs.',
    ],
  ),
  discussion(
    "In relation to Raneem's Law, what is the timeline in which calls are considered by DA specialists?",
    [
      'Independent specialists in the control room provides a different perspective around logs that are in the system, particularly in relation to how logs have been graded.',
      'There is significant variance in the response to different gradings. For instance, logs requiring an immediate response are attended to within 15 minutes whereas other DA logs are responded to with a scheduled appointment.',
      'Having independent DA specialists reviewing the decision-making processes behind grading is an effective process for WMP. Whilst live feedback from DA specialists is beneficial for the individual staff member on the call and their team; this approach is less impactful for the wider organisation.',
      "WMP are working to ensure the implementation of Raneem's Law is impactful. Value can be added by specialists when responding to complex incidents where the risk is not obvious. Specialists can add the most value when educating officers as well as improving the experience for victims when responding to live incidents.",
    ],
    {
      answerHtml: null,
      actions: [
        meetingAction(
          1,
          "WMP to provide OPCC with specific data in relation to Raneem's Law once finalised and audited.",
        ),
      ],
    },
  ),
  discussion('Is more training required to improve call handler understanding of DA?', [
    'There is always more to be done to improve understanding of the complexities of DA.',
    'A key challenge is the high turnover of staff in the Control Room. Ensuring training is thorough and consistent is challenging due to high turnover.',
    'WMP are actively looking for different ways to help officers and staff understand the role risks, particularly around DA and VAWG.',
    'WMP have new innovative capabilities through Andi Ezra which can identify calls in the triage space before the call is answered by a human and then routing that call towards call handlers with specific skill sets.',
    'DA understanding can always be improved but WMP are connected nationally to feedback.',
    "WMP are working on the quality assurance of dispatch and control staff member's work. This is a challenge because of the capacity and volume that WMP Force Contact have. This is a complex priority that evolves over time.",
  ]),
  discussion(
    'Cheshire Police are working with the University of Leeds and Warwickshire University in their Harm Reduction Unit to use AI to screen different calls to support staff to pick up additional flags. It is not to replace staff but support them. Could and are the West Midlands looking at similar initiatives?',
    [
      "Yes. An example is led by the digital public contact programme, which is the MPCC programme that's looking at call handling and the assessment of threat, harm and risk, as well as the digital channels in that space.",
      'ACC Welstead and Chief Superintendent Sally Simpson sit on the Board and are connected into that space.',
      'The work of Cheshire Police is extremely innovative, particularly for around Stalking for which they are national leaders.',
      'There are some initiatives taking place in West Yorkshire, which is an AI Quality Assurance tool that transcribes calls and processes the calls. WMP have been exploring that capability. WMP have not found a route that is financially viable and technically appropriate. WMP are having ongoing conversations with the digital public contact programme to see whether the programme would work for the West Midlands.',
      'WMP receive a significant volume of calls which is costly WMP want to implement these capabilities, but it will take time, research and money to do so.',
    ],
  ),
  discussion(
    'What percentage of schools are notified effectively within 24 hours of DA incidents involving a child? Are WMP able to work more effectively with schools and are schools effectively dealing with the information passed to them?',
    [
      'WMP cannot answer in relation to schools.',
      'Partners in education do not receive the full details of the incident. Schools are sent a general notification that an incident has taken place.',
      "If the incident is low severity and didn't involve the child directly, there are confidentiality restrictions that WMP must comply with.",
      'If the incident is high risk and has involved the child directly, there will be a strategy meeting which includes the child and a representative from the school.',
      'It is important for the school to offer the child bespoke care and cross reference the information provided to them with their own direct assessment of the child. Colleagues in education have the benefit of consistent contact time during school where they can assess the condition of the child and identify any other issues.',
      'Recording data is crucial for this process to begin.',
      'To overcome discrepancies across different local authorities, WMP set up a strategic working group.',
      "Operation Encompass ensures the same level of detail goes out to all seven children's services. It is managed through WMP's central referral unit. There is a five day a week function which will be increasing to seven days once new staffing is in place.",
      'Within 24 hours, Operation Encompass ensures that all that information has gone out and WMP are meeting with SLA to ensure information sharing.',
    ],
  ),
  discussion(
    'Are WMP able to reassure the public that all non-molestation orders are being responded to and action is being taken?',
    [
      'All breaches of non-molestation order in a DA context are treated as a priority for WMP.',
      'WMP will monitor the statistical reference to assess if there are any issue with their approach.',
    ],
  ),
  discussion(
    'Looking at recent figures, roughly 60% of non-molestation order resulted in arrest. Is this the expected figure or are WMP looking to improve this?',
    [],
    {
      answerHtml: null,
      actions: [
        meetingAction(
          2,
          'WMP to provide the OPCC with an expected figure of non-molestation orders resulting in arrest.',
        ),
      ],
    },
  ),
  discussion('Do WMP have the capacity to deal with the volume of breaches to protective orders?', [
    "DA is a priority for the force. DA has its own Chief Superintendent but is everyone's responsibility.",
    'The Threat Risk meeting actively monitors DA offenders who have made breaches and officers are used to make their arrest attempts.',
    'Police staff also support with the capacity challenges around DA protection order breaches.',
  ]),
  discussion(
    "What do you see as any areas that still may be needed to improve when we're talking about DA?",
    [
      'WMP came out of engage status on 18th of September 2024, 18 months ago. Prior to this, WMP set up Operation Vanguard, their response to improving the quality of investigations, which is a 5-year plan.',
      "WMP's front line is inexperienced which creates challenges.",
      'Improvement in quality is demonstrated by the increase in outcome rates but there is still more to be done.',
      'In relation to outcome codes, there are 22, with 16 being broken down further. WMP are asking the correct outcome code to be applied all the time. There is room for error.',
      "Overall, WMP's focus needs to be on ensuring staff understand the importance of DA and on quality of investigation, end-to-end approach, documentation, and victim engagement.",
    ],
  ),
  discussion(
    'The positive outcome rate has increased from 5.73% in March 24 to 15.8% in Jan 26. What is the reason for that? Do you think that this is sustainable, and do you think there is capacity for continuous improvement?',
    [
      'WMP will endeavour to continually improve this.',
      'Sat below this figure is a victim outcome rate which, when WMP went into engaged status, was 3.5%, the lowest in the country.',
      'Victim outcome rates are challenging for metropolitan forces to achieve because of the number of state-based offences. However, both outcome rates are tracking in the right direction.',
      'It is important that this figure does not decrease. This is achieved by reinforcing the importance of arrest to officers and staff. Arrests are important for securing justice for victims.',
      'Officers, staff and volunteers are doing the job to the very best of their ability. Focus is on improving the quality of investigations. WMP are at the halfway point and will continue to drive quality forward.',
    ],
  ),
  discussion(
    'The findings in paragraph 3.8 were extremely positive. Is that because of the DA specialists being in the control rooms? Is it sustainable?',
    [
      "This can be attributed to Raneem's law. Having external attendance inside the police control room gives a different perspective and is having a cultural impact. It is human nature to become accustomed to calls and potentially lose empathy.",
      'The force endeavour to improve performance of investigating crime. DA investigations will also improve under that goal.',
      'Results could always be better and WMP will continue to strive to improve, because of victim feedback.',
    ],
  ),
  discussion(
    'Are we satisfied that the performance around Marac and referral times are sustainable? Is WMP operating within the required timescales? Are there any concerns about the upcoming inspection?',
    [
      'In improving performance and effectiveness at responding to incidents, more issues come to light. More victims are appropriately identified as high-risk and referred to MARAC which puts pressure on the system.',
      'In light of feedback from previous inspections, MARAC is heavily scrutinised. WMP are aware of the areas that come under high demand, and it is closely managed by the DA lead. It also features in all governance structures.',
      'There is a risk that MARAC will come under significant pressure, but WMP are anticipating that and will react accordingly.',
    ],
  ),
  discussion(
    'How does WMP ensure there is regional consistency across seven local area coordinators since the restructure of the team puts management functions into local areas?',
    [
      "There is a Chief Inspector managing MARAC on top of their day role. There is a lack of consistency across the West Midlands, and that has gone into the Deputy Chief Executive's chaired group under the SGG.",
      'WMP received positive feedback of the Save Lives review of MARAC Lite. WMP need to consider further when they trigger MARAC Lite.',
      'WMP will work with the OPCC to consider whether a change in the MARAC structure is required to provide a regional role.',
      'Partners feel strongly that a key contact in WMP is crucial for MARAC. Through the OGG and SGG there are governance structures in place and ways by which partners can communicate concerns to WMP.',
    ],
  ),
  discussion(
    'How are WMP supporting the implementation and proposed rollout of DRIVE in the West Midlands to improve the management of perpetrators.',
    [
      'WMP are working with OPCC policy officers to consider where DRIVE will be rolled out in the West Midlands. There are funding issues with rolling it out across all areas. It will likely be one LPA to start with.',
    ],
  ),
  discussion(
    'In relation to Operation Encompass, how does WMP support partner agencies to ensure that relevant and proportionate information around risk is shared with education settings? Can WMP provide reassurance that Encompass notifications are being sent in a timely manner?',
    [
      'The central referral unit works Monday-Friday. DA calls are screened and a team will send the same information to all seven local authorities. There were slight differences as to what local authorities asked for, so WMP ran a task and finish group to ensure that there is consistency on what is shared across the seven local authorities.',
      'A DA triage team that operates Child PPU meets with all seven local authority partners to discuss all cases and children that have been involved. WMP are not aware of any backlog in the sharing of information under Operation Encompass.',
    ],
  ),
];

/** Item 7, Violence Against Women and Girls and Child Sexual Exploitation. */
export const VAWG_CSE_DISCUSSION: NotesQuestion[] = [
  discussion(
    'What is the underlying cause behind the increase in demand and referrals from the National Crime Agency (NCA) to the Online Child Sexual Exploitation Team (OCSET)? How are WMP sustainably servicing this demand as well as tackling the underlying reason for the increase?',
    [
      'The drive in demand is due to increased use of the internet and technology, causing online offending to rise. It is a challenge for policing locally, regionally and nationally.',
      "CSE is a priority for the force. WMP must have full visibility of this as an emerging issue. CSE is heavily scrutinised through governance structures, including the Deputy Chief Constable's performance panel.",
      "WMP's governance of online CSE is forward facing, reviewing offences that have already taken place as well as identifying emerging trends from the NCA and anticipating upcoming challenges.",
    ],
  ),
  discussion(
    'What measures has WMP put in place to detect and address online sexual extortion and the use of AI generated abusive imagery in relation to child sexual abuse?',
    [
      'WMP do not distinguish AI generated harm from other online forms of CSE. Both offences make up the workflow of OCSET and are treated with the same severity.',
    ],
  ),
  discussion(
    'How is WMP ensuring that resources are effectively allocated to prioritise online child sexual abuse investigations and what steps are being taken to address any identified gaps?',
    [
      "Online CSE features heavily in WMP's governance processes to ensure resource is effectively allocated and CSE investigations are prioritised.",
      'ACC North and Chief Superintendent Hopkins engage with regional colleagues at a strategic level and regularly meet with colleagues from the NCA.',
      'WMP work with the NCA to anticipate demand flows and ensure referrals come through steadily so that they can be worked through effectively.',
    ],
  ),
  discussion(
    'What mechanisms are in place to ensure that there is effective collaboration between WMP, the Regional Organised Crime Unit (ROCU) and the NCA?',
    [
      'Tactical and Strategic meetings take place to monitor the volume of referrals so WMP can anticipate demand.',
    ],
  ),
  discussion(
    'How does WMP assess the effectiveness of its partnerships in addressing complex threats and what corrective actions are taken if outcomes fall below expectations and requirements?',
    [
      'Monitoring referrals at a tactical and strategic level prevents the quality of OCSET investigations being affected by a sudden high volume of demand.',
      'The demand from the ROCU and NCA cannot be prevented so it is incumbent that WMP are aware of the demand on OCSET and remain agile in aligning resources when required.',
    ],
  ),
  discussion(
    'How are WMP preparing for the introduction of the new mandatory reporting duty for those working with children? How will WMP ensure frontline officers consistently respond in a victim-centred manner to increased disclosures, potentially from children and professionals?',
    [
      "The Multi-Agency Safeguarding Hub (MASH) function runs across all seven local areas and WMP's central referral unit will ensure there is a flow of information going in and out of the organisation.",
      'WMP have invited the NVCPP to conduct a peer review of the MASH and CRU process to understand where it is working as effectively as possible.',
      'Single Online Home enables anyone to bring calls into WMP and under THRIVE+, any incident that comes in with a child as a victim will be picked up and given greater scrutiny in Force Contact.',
    ],
  ),
  discussion(
    'What proactive measures are in place to ensure that individuals who pose a risk are effectively identified and placed under Sexual Harm Prevent Orders (SHPOs) or Sexual Risk Orders (SROs) and how is WMP tracking compliance with these orders?',
    [
      "All orders and breaches are managed by WMP's Sex Offenders Management Team.",
      "The performance of the team is scrutinised by the Rape and Serious Sexual Offences (RASSO) Detective Superintendent as well as Chief Superintendent Hopkin's performance meetings.",
    ],
  ),
  discussion(
    'In the event that enforcement has taken place in response to a breach, how is WMP engaging with victims to ensure they are informed and protected throughout the enforcement process?',
    [
      'Not all breaches will involve the victim as they may not be aware that there has been a breach.',
      "This is a challenge for the force because the West Midlands is an importer of individuals under SHPOs. WMP's management of offenders is strong but awareness of victims could be improved. WMP need to reach out to other forces to access information and actively make victims aware of breaches and communicate with them through the enforcement process.",
    ],
  ),
  discussion(
    'Around 78% of referrals received by the SOMs team receive No Further Action. Are there checks in place to ensure that the decision making behind each referral was sound?',
    [
      'WMP does not have capacity to complete follow up checks because of the volume of referrals. The SOMs team ensures the CONNECT system is kept fully up-to-date decision with any incoming reports and appropriate referrals are made to partners, especially when children are present at addresses.',
    ],
  ),
  discussion(
    'Where does WMP stand in terms of criminalising offences made by under 18s? Do WMP instead prioritise rehabilitation, early interventions and out of court disposals in response to such incidents?',
    [
      'WMP have a Matrix to assess the level of risk associated with the incident, such as whether it is an aggravated case or not.',
      'There is no national guidance for a policing in relation to the criminalisation of children sharing indecent images.',
      'Acting Chief Constable Green has provided clear messaging that WMP will not criminalise non-aggravated cases of children sharing indecent images. Instead, the force will make the appropriate agencies aware, involve schools where appropriate and educate individuals involved. Schools, youth services, and parents are best placed to manage incidents, not the police. Acting Chief Constable Green has made this policy decision so that sensible action can be taken in the interests of young people and their families.',
      'When incidents are aggravated, WMP will consider the most proportionate disposal route, and the Youth Offending team would be brought into the decision making.',
      "The policing response to incidents is complex and nuanced on each occasion. The nature of offending is consistently changing so it is imperative that WMP remain aware of young people's behaviour and social norms.",
    ],
    {
      answerHtml: null,
      actions: [
        meetingAction(3, 'WMP to provide OPCC with the Matrix to understand risk around these incidents.'),
      ],
    },
  ),
  discussion(
    'Is the current delivery of bespoke child sexual abuse training by PPU SLT to frontline staff an ongoing commitment?',
    [
      "The training will continue to be delivered. It is crucial that WMP's messaging around VAWG and CSE lands with frontline staff so training delivery will not be diluted in rank.",
    ],
  ),
  discussion(
    'How will systems be amended to enhance capture of Victims Code compliance and the Voice of the Child?',
    [
      'The CONNECT system has changed so that officers can record compliance with codes of practice.',
      "WMP have introduced a new process that requires officers to complete a victim's needs assessment.",
      "Victims often communicate with multiple officers and staff before the case is assigned a final Office in the Case (OIC). This is crucial for ensuring the investigation is handled by an appropriately training officer. In accordance with the Victims Code, the victim should be made aware of or contacted by their OIC once assigned. A Victims Needs Assessment should take place to assess whether the victim's needs were captured and accurately recorded and whether there is a contact plan in place for engagement with the victim.",
      "This information can now be extracted from a dashboard so that supervisors can see their team's compliance with the Victims' Code during investigations.",
      'In relation to Voice of the Child, whenever there is a safeguarding concern for a child, Officers are required to complete a Multi-Agency Risk Form (MARF). This is embedded into the CONNECT record and is received by PPU who assess whether the appropriate information is recorded and that the relevant partner agencies are involved.',
      'Officers receive training from PPU SLT on the Voice of a Child as well as part of their probationary mandatory training. The training ensures that Officers are aware that capturing the voice of the child is a complicated and sophisticated process.',
    ],
  ),
  discussion(
    'What is behind the increase of CSE positive outcome rates from under 10% in 2024/25 to over 22% in 2025/26?',
    [
      'The increase is partially due to the cultural shift across the force because of Operation Vanguard. PPU has worked to ensure teams are focusing on the investigative side of policing and securing positive outcomes for victims. The increase is also due to PPU putting more cases forward to the CPS.',
    ],
  ),
  discussion(
    'What progress has been made with the delivery of the frontline officer training programme outlined in point 6.7 of the paper? How is the effectiveness of the training being measured?',
    [
      'There are approximately 400 Sexual Offence Liaison Officers (SOLO) trained across the West Midlands. However, the volume of new response officers is significant so training needs to be continually rolled out.',
      "PPU are working with Learning and Development to consider inputting the programme into officers' initial training package, rather than waiting to deliver until they become a response officer.",
      'WMP are also looking at the use of SARCs out of hours as this is an indicator that officers are aware of SARCs and how they can be used. Once there is an increase in the use of SARCs WMP should be able to confirm that the training has had a positive impact.',
    ],
  ),
  discussion('Do WMP receive feedback from SARCs to understand whether they are seeing improvement?', [
    'SARCs should be providing WMP with feedback. There is engagement with SARC managers to improve this moving forward.',
  ]),
  discussion(
    'What are the current arrest and conviction rates for perpetrator spiking and upskirting? Is intelligence gathering and response to these areas improving?',
    [
      'It is challenging to secure positive outcomes for spiking. However, when reports are made, WMP will ensure this is robustly investigated.',
      'As a result of Operation Soteria, the approach to training and investigations have actively moved away from victim blaming and towards focusing on lack of consent.',
      'The gap between the incident and reporting means securing evidence can be challenging. However, spiking remains a key priority in the briefing officers receive when policing the nighttime economy so frontline officers remain vigilant and take reports seriously.',
      'Even if a perpetrator cannot be brought to justice, WMP will engage with the premises to establish their awareness of incident, how the victim was responded to and the culture of the establishment.',
    ],
    {
      answerHtml: null,
      actions: [
        meetingAction(
          4,
          'WMP to provide OPCC with accurate data RE current arrest and conviction rates for perpetrator spiking and upskirting.',
        ),
      ],
    },
  ),
  discussion(
    'How are WMP effectively gathering information and evidence in relation to domestic cases of spiking? Are WMP working with partners, particularly in healthcare, to secure evidence?',
    [
      "The paper's focus is largely on the nighttime economy however in a domestic circumstance WMP would begin the investigation by establishing that the victim was unable consent after a substance was administered.",
      'Although WMP have not seen a significant increase or emerging trend in domestic spiking, the force would bring learning from their ongoing work with RASSO and DA to ensure investigations thorough and victim centred.',
      'WMP will continue to monitor whether domestic spiking emerges as a trend.',
    ],
  ),
  discussion(
    "How successfully are WMP getting sex workers into the National Referral Mechanism? What are the current challenges and is there more that could be done to ensure WMP are protecting worker's vulnerabilities?",
    [
      "WMP's enforcement around sex work is in relation to perpetrators who are violent and exploit sex workers. WMP work with third sector partners and workers themselves to understand any vulnerabilities present and support workers moving away situations wherever possible.",
      'Sex workers are treated as victims and enforcement is focused on perpetrators.',
    ],
  ),
  discussion(
    'How has the work of Operation Sandstar, which focused on indoor sex work, translated into investigations around outdoor sex work?',
    [
      'Effective partnerships enable WMP to gather more robust evidence and intelligence as well as build trust and confidence in the community.',
      'All reports made by sex workers will be treated with severity and victims will be supported, not judged. WMP are committed to improving confidence in this community.',
    ],
  ),
  discussion(
    'When are WMP hoping to see the commissioned VAWG Business Insights Application procured and up and running?',
    [
      "The Data Lab which extracts different themes and visualises data within WMP's system is closely managed by Cooperate Development and Change Governance Processes.",
      'All projects within the Lab must be sponsored by an ACC. This helps declutter the landscape and ensures projects such as the VAWG Business Insights Application are prioritised.',
    ],
  ),
  discussion(
    "Will a dedicate team remain for stalking triaging? What is WMP's long term commitment around stalking?",
    [
      'The Home Office funded EASI which received a six-month extension. However, WMP are waiting to see what the government offers around perpetrator programmes.',
      'PPU have an options paper ready for consideration of how stalking can be managed.',
      'Without Home Office funding, activity around stalking will unfortunately have to be dialled down.',
      'WMP are clear that the Stalking Triage Clinic would ideally remain but PPU will have to consider whether the work around it is sustainable.',
      'WMP will work with the OPCC if any future funding programmes become available.',
    ],
  ),
  discussion(
    'In December 2025, the Home Secretary announced that all forces must establish specialist rape and sexual offence teams by the end of 2029. What changes is this announcement going to mean? What action is being taken by WMP to implement this? What time scale are WMP looking at?',
    [
      "WMP already had a special RASSO team in place. A key challenge that emerged is that putting all rape investigations through RASSO is not always what's best for the victim.",
      'WMP are working with national guidance to ensure all Sexual Offences are investigated by Officers with appropriate training.',
      "WMP are balancing the national legislation with the practical reality, endeavouring to ensure the outcome is always what's best for the victim.",
      'WMP have met with the national team and feel confident that the force will remain compliant as well as responding to nuances where necessary.',
    ],
  ),
  discussion(
    'Have WMP received the result of a bid for Home Office funding to extend the operational activity of Operation Vigilant for the rest of the financial year?',
    ['The funding has been secured and is being spent appropriately against the operation.'],
  ),
  discussion(
    "What operational steps is WMP taking to contribute to the national mission of halving violence against women and girls by 2030? What is WMP's force-wide implementation plan for the strategy and how will that be embedded?",
    [
      'As policing of DA improves, reports of DA are expected to increase.',
      "WMP's commitment to improving investigations and dedication to creating a cultural of continuous improvement are crucial for WMP contributing to the national commitment.",
      'Incarcerating perpetrators prevents them from committing further offences.',
      'The internal culture within WMP needs to be scrutinised to ensure misogyny is rooted out and dealt with to improve how VAWG is treated within policing.',
      'The objective will be present within all forms of policing across the force.',
      "The HO's commitment to 'halve VAWG' does not mean WMP are endeavouring to halve DA reports for example. WMP's measure of VAWG will be focused on outcome rates, victim satisfaction and the HO will be based on survey data and public perception.",
      'WMP emphasised that they encourage an increase in VAWG related offences because they are so underreported by victims.',
    ],
  ),
];
