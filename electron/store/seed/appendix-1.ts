/**
 * The catalogue as first installed (CAT-1): every system of Appendix 1 (March 2025) of the Trust's
 * user registration procedure (seed 000), with Connecting Care (seed 002) and ESR's self-service
 * levels (seed 001). Where the documents are silent (most systems' role names, procedure locations,
 * review dates) the entry says so, for the system's administrator to complete in the Catalogue screen.
 */
import type { Prerequisite, SystemRole } from '../../../shared/catalogue';

export interface SeedSystem {
  id: string;
  name: string;
  administratorTitle: string;
  contactRoute: string;
  description: string;
  holdsPatientRecords: boolean;
  /** Defaults to !holdsPatientRecords (DIS-2); set where a system's own procedure says otherwise. */
  deletionAllowed?: boolean;
  directCareOnly?: boolean;
  slaTargetDays?: number;
  slaInterimDays?: number;
  roles: SystemRole[];
}

const PORTAL = 'via the IT Servicedesk Portal';
const NOT_GIVEN = 'Not given in Appendix 1: ask the system administrator';
const ESR_CORE: Prerequisite[] = ['smartcard', 'esr06-form', 'confidentiality-declaration'];
const plain = (...names: string[]): SystemRole[] => names.map((name) => ({ name, prerequisites: [] }));

export const APPENDIX_1: SeedSystem[] = [
  {
    id: 'network',
    name: 'ELFT Network Access',
    administratorTitle: 'ICT Infrastructure Manager',
    contactRoute: PORTAL,
    description:
      'Trust email and calendar, Active Directory groups and mappings, shared drives (H, I, K and S), Office 365.',
    holdsPatientRecords: false,
    roles: plain('Standard user', 'Shared drive access', 'Digital administrator'),
  },
  {
    id: 'remote-access',
    name: 'Trust Remote Access Services',
    administratorTitle: 'ICT Server Manager',
    contactRoute: PORTAL,
    description: 'Secure remote access to the Trust network and applications.',
    holdsPatientRecords: false,
    roles: plain('Remote access user'),
  },
  {
    id: 'registration-authority',
    name: 'Registration Authority',
    administratorTitle: 'Registration Authority Manager',
    contactRoute: PORTAL,
    description: 'Smartcard access to patient records on the national spine.',
    holdsPatientRecords: true,
    roles: plain('Smartcard holder', 'RA agent', 'RA manager'),
  },
  {
    id: 'rio',
    name: 'RiO',
    administratorTitle: 'Clinical Systems Manager',
    contactRoute: PORTAL,
    description: 'Clinical system holding Trust mental health patient records.',
    holdsPatientRecords: true,
    roles: plain('Clinician', 'Clinical administrator', 'Read only', 'System administrator'),
  },
  {
    id: 'data-warehouse',
    name: 'Data Warehouse',
    administratorTitle: 'Data Warehouse Manager',
    contactRoute: PORTAL,
    description: 'Management information extracted from several Trust electronic systems.',
    holdsPatientRecords: false,
    roles: plain('Report viewer', 'Analyst'),
  },
  {
    id: 'emis',
    name: 'EMIS',
    administratorTitle: 'Clinical Systems Manager',
    contactRoute: PORTAL,
    description:
      'Clinical system holding patient records: Community Health Newham, Community Health Tower Hamlets, Blood Borne Virus Team, Tower Hamlets Homeless team.',
    holdsPatientRecords: true,
    roles: plain('Clinician', 'Clinical administrator', 'Read only', 'System administrator'),
  },
  {
    id: 'systmone',
    name: 'SystmOne',
    administratorTitle: 'Clinical Systems Manager',
    contactRoute: PORTAL,
    description: 'Clinical system holding patient records: Community Health Bedfordshire.',
    holdsPatientRecords: true,
    roles: plain('Clinician', 'Clinical administrator', 'Read only', 'System administrator'),
  },
  {
    id: 'epma',
    name: 'ePMA',
    administratorTitle: 'Clinical Systems Manager',
    contactRoute: PORTAL,
    description: 'Electronic Prescribing and Medicines Administration system for mental health services.',
    holdsPatientRecords: true,
    roles: plain('Prescriber', 'Pharmacist', 'Nurse administering', 'Read only'),
  },
  {
    id: 'thalamos',
    name: 'Thalamos v2',
    administratorTitle: 'Clinical Systems Manager',
    contactRoute: PORTAL,
    description: 'Electronic Mental Health Act system.',
    holdsPatientRecords: true,
    roles: plain('Approved clinician', 'MHA administrator', 'Read only'),
  },
  {
    id: 'carepath',
    name: 'Carepath',
    administratorTitle: 'Specialist Addiction Services',
    contactRoute: NOT_GIVEN,
    description: 'Clinical system holding patient records: Drug and Alcohol Services.',
    holdsPatientRecords: true,
    roles: plain('Clinician', 'Administrator'),
  },
  {
    id: 'iaptus',
    name: 'IAPTuS',
    administratorTitle: 'Systems Manager – Psychological Therapies',
    contactRoute: NOT_GIVEN,
    description: 'Psychological therapy clinical system.',
    holdsPatientRecords: true,
    roles: plain('Therapist', 'Administrator', 'Supervisor'),
  },
  {
    id: 'acute-systems',
    name: 'Pathology, Radiology, Acute EPR (8 acute systems)',
    administratorTitle: 'IT Servicedesk',
    contactRoute: PORTAL,
    description: 'Acute Trust clinical systems holding patient records: diagnostics and pathology results.',
    holdsPatientRecords: true,
    roles: plain('Results viewer', 'Requester'),
  },
  {
    id: 'inphase',
    name: 'InPhase',
    administratorTitle: 'Assurance Department',
    contactRoute: NOT_GIVEN,
    description: 'Clinical risk system.',
    holdsPatientRecords: true,
    roles: plain('Reporter', 'Investigator', 'Administrator'),
  },
  {
    id: 'esr',
    name: 'Electronic Staff Record (ESR)',
    administratorTitle: 'Recruitment Coordinator',
    contactRoute: 'ESR & Workforce Systems team',
    description:
      'Staff HR and payroll. Self-service levels and core access per the ESR access procedure (seed 001).',
    holdsPatientRecords: false,
    roles: [
      // REG-8: Employee Self Service needs none of the prerequisites; the others need all three.
      { name: 'Employee Self Service', prerequisites: [] },
      { name: 'Manager Self Service', prerequisites: ESR_CORE },
      { name: 'Supervisor Self Service', prerequisites: ESR_CORE },
      { name: 'Administrator Self Service', prerequisites: ESR_CORE },
      { name: 'Core user', prerequisites: ESR_CORE },
    ],
  },
  {
    id: 'trac',
    name: 'TRAC',
    administratorTitle: 'Recruitment Coordinator',
    contactRoute: NOT_GIVEN,
    description: 'Recruitment (listed with ESR in Appendix 1).',
    holdsPatientRecords: false,
    roles: plain('Recruiting manager', 'Recruitment administrator'),
  },
  {
    id: 'oracle',
    name: 'Oracle',
    administratorTitle: 'Financial Controller',
    contactRoute: NOT_GIVEN,
    description: 'Finance.',
    holdsPatientRecords: false,
    roles: plain('Requisitioner', 'Approver', 'Finance user'),
  },
  {
    id: 'foundation-trust-db',
    name: 'Foundation Trust DB',
    administratorTitle: 'Membership Manager',
    contactRoute: NOT_GIVEN,
    description: 'Trust membership.',
    holdsPatientRecords: false,
    roles: plain('Membership officer', 'Read only'),
  },
  {
    id: 'learning-academy',
    name: 'ELFT Learning Academy',
    administratorTitle: 'Head of Learning and Development',
    contactRoute: NOT_GIVEN,
    description: 'Staff training.',
    holdsPatientRecords: false,
    roles: plain('Learner', 'Course administrator'),
  },
  {
    id: 'healthroster',
    name: 'HealthRoster',
    administratorTitle: 'Head of eRostering',
    contactRoute: NOT_GIVEN,
    description: 'Staff assignments.',
    holdsPatientRecords: false,
    roles: plain('Roster creator', 'Roster approver', 'Employee online'),
  },
  {
    id: 'connecting-care',
    name: 'Connecting Care',
    administratorTitle: 'Connecting Care back office',
    contactRoute: 'Nominated authoriser, then the organisation’s local service desk',
    description:
      'Shared care record portal for direct care only (seed 002). Licences are allocated per partner organisation per year.',
    holdsPatientRecords: true,
    // Its own procedure defines "Deletion: removal of a licence" as a request type (seed 002 §3).
    deletionAllowed: true,
    directCareOnly: true,
    slaTargetDays: 5,
    slaInterimDays: 5,
    roles: plain('Clinical user', 'Social care user', 'Administrative user'),
  },
];
